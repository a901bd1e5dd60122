package io.askflow.enrichment.faq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.askflow.events.ReplyEnriched.RelatedFaq;
import io.askflow.events.Specialty;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

class FaqCatalogTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final FaqCatalog catalog = new FaqCatalog(JSON);

    private List<FaqTopic> all() {
        return Stream.of(Specialty.values()).flatMap(s -> catalog.of(s).stream()).toList();
    }

    @Test
    void everyPageIsComplete() {
        for (Specialty specialty : List.of(Specialty.NEUROLOGY, Specialty.INTERNAL_MEDICINE, Specialty.FAMILY_MEDICINE,
                Specialty.CARDIOLOGY, Specialty.GASTROENTEROLOGY_HEPATOLOGY, Specialty.PEDIATRICS)) {
            assertThat(catalog.of(specialty)).as(specialty.name()).hasSizeGreaterThanOrEqualTo(10);
        }
        assertThat(all()).allSatisfy(topic -> {
            assertThat(topic.title()).isNotBlank();
            assertThat(topic.body()).isNotBlank();
            assertThat(topic.slug()).matches("[a-z0-9-]+");
            assertThat(topic.sources()).isNotEmpty();
            assertThat(topic.author()).isEqualTo("Written by the Askflow team");
            assertThat(catalog.find(topic.specialty(), topic.slug())).contains(topic);
        });
    }

    @Test
    void relatedTopicsFitTheQuestion() {
        assertThat(catalog.related("My face droops on the left side and I cannot close my eye", Specialty.NEUROLOGY))
                .first().extracting(RelatedFaq::slug).isEqualTo("facial-nerve-palsy");
        assertThat(catalog.related("Which vaccines does my toddler need?", Specialty.NEUROLOGY)).isEmpty();
        assertThat(catalog.related("My son has a barking cough at night and a hoarse voice", Specialty.PEDIATRICS))
                .first().extracting(RelatedFaq::slug).isEqualTo("croup");
    }

    /** The sources must be pages of the knowledge base (MedQuAD), checked where the dataset is available. */
    @Test
    void everySourceLinkIsAMedQuadUrl() throws IOException {
        Path medquad = Path.of(System.getenv().getOrDefault("ASKFLOW_DATASETS", "../../shared/datasets"),
                "medquad", "medquad.jsonl.gz");
        assumeTrue(Files.isReadable(medquad), "MedQuAD not found at " + medquad);
        Set<String> urls = new HashSet<>();
        try (var reader = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(medquad)),
                StandardCharsets.UTF_8))) {
            reader.lines().forEach(line -> urls.add(readUrl(line)));
        }
        assertThat(all()).flatExtracting(FaqTopic::sources).extracting(FaqTopic.Link::url)
                .allSatisfy(url -> assertThat(urls).contains(url));
    }

    private static String readUrl(String line) {
        try {
            return JSON.readTree(line).path("url").asText();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
