package io.askflow.enrichment.ranking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.askflow.enrichment.index.Fields;
import io.askflow.enrichment.index.IndexFixtures;
import io.askflow.enrichment.knowledge.KnowledgeRecord;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

class PageCoverageTest {

    private final Analyzer analyzer = Fields.analyzer();

    private static KnowledgeRecord section(String id, String question, String answer) {
        return new KnowledgeRecord(id, "TEST", null, "Dandruff", List.of(), null, null, null, "information", question,
                answer);
    }

    @Test
    void aPageCoversTheTermsOfAllItsSectionsAndAPageWithoutAnswersCountsAsTheAnsweredOnesOnAverage()
            throws IOException {
        try (Directory directory = new ByteBuffersDirectory()) {
            try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
                writer.addDocument(IndexFixtures.document(section("A_1_Sec1", "What is (are) Dandruff ?",
                        "Flakes of skin fall from the scalp."), 1));
                writer.addDocument(IndexFixtures.document(section("B_1_Sec1", "What is (are) Dandruff ?",
                        "Flakes of skin fall from the scalp."), 1));
                writer.addDocument(IndexFixtures.document(section("B_1_Sec2", "What are the symptoms of Dandruff ?",
                        "It often comes with itching."), 1));
                writer.addDocument(IndexFixtures.document(section("C_1_Sec1", "What is (are) Dandruff ?", ""), 1));
            }
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                Map<String, Double> weights = Map.of("itch", 2.0, "scalp", 1.0);

                float[] coverage = PageCoverage.of(reader,
                        List.of(new BytesRef("A_1"), new BytesRef("B_1"), new BytesRef("C_1")), weights);

                assertThat(coverage[0]).isCloseTo(1 / 3f, within(1e-6f));
                assertThat(coverage[1]).isCloseTo(1f, within(1e-6f));
                assertThat(coverage[2]).isCloseTo(2 / 3f, within(1e-6f));
            }
        }
    }
}
