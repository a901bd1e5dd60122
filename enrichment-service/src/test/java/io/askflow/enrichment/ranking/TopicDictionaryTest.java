package io.askflow.enrichment.ranking;

import static org.assertj.core.api.Assertions.assertThat;

import io.askflow.enrichment.index.Fields;
import io.askflow.enrichment.index.IndexFixtures;
import io.askflow.enrichment.knowledge.KnowledgeRecord;
import java.io.IOException;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TopicDictionaryTest {

    private static final Analyzer analyzer = Fields.analyzer();
    private static TopicDictionary topics;

    @BeforeAll
    static void index() throws IOException {
        try (Directory directory = new ByteBuffersDirectory();
             IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
            writer.addDocument(IndexFixtures.document(
                    record("T_1_Sec1", "Carpal tunnel syndrome", "Median nerve entrapment"), 1));
            writer.addDocument(IndexFixtures.document(record("T_2_Sec1", "Ibuprofen overdose", "Advil overdose"), 1));
            writer.addDocument(IndexFixtures.document(
                    record("T_3_Sec1", "Hay fever", List.of("Allergic rhinitis", "Pollinosis")), 1));
            writer.addDocument(IndexFixtures.document(
                    record("T_4_Sec1", "Migraine", List.of("Chronic migraine", "Sick headache")), 1));
            writer.addDocument(IndexFixtures.document(record("T_5_Sec1", "Bone growth disorder",
                    IntStream.rangeClosed(1, TopicDictionary.MAX_OTHER_NAMES + 1)
                            .mapToObj(type -> "Skeletal dysplasia type " + type).toList()), 1));
            writer.addDocument(IndexFixtures.document(record("T_6_Sec1", "Frozen shoulder", "Stiff shoulder"), 1));
            writer.updateDocument(new Term(Fields.ID, "T_6_Sec1"),
                    IndexFixtures.document(record("T_6_Sec1", "Frozen shoulder", "Adhesive capsulitis"), 2));
            writer.commit();
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                topics = TopicDictionary.of(reader);
            }
        }
    }

    @AfterAll
    static void close() {
        analyzer.close();
    }

    private static KnowledgeRecord record(String id, String focus, String synonym) {
        return record(id, focus, List.of(synonym));
    }

    private static KnowledgeRecord record(String id, String focus, List<String> synonyms) {
        return new KnowledgeRecord(id, "TEST", null, focus, synonyms, null, null, null, "information",
                "What is (are) " + focus + " ?", "");
    }

    private static String key(String phrase) {
        return Fields.key(analyzer, phrase);
    }

    private static List<String> analyzed(String text) {
        return Fields.terms(analyzer, text);
    }

    @Test
    void findsAPhraseInAnotherOrder() {
        assertThat(topics.scattered(analyzed("is entrapment of the median nerve painful?")))
                .containsExactly("median nerv entrap");
    }

    @Test
    void findsAPhraseWithAWordBetweenItsWords() {
        assertThat(topics.scattered(analyzed("How much advil could cause an overdose in a child?")))
                .containsExactly("advil overdos");
    }

    @Test
    void wordsFarApartAreNoPhrase() {
        assertThat(topics.scattered(analyzed("I took advil for my back. Weeks later my neighbour had an overdose.")))
                .isEmpty();
    }

    @Test
    void theOtherNamesOfAPhraseAreThoseOfItsRecords() {
        assertThat(topics.otherNames(key("hay fever"))).containsExactlyInAnyOrder(key("allergic rhinitis"),
                key("pollinosis"));
        assertThat(topics.otherNames(key("pollinosis"))).containsExactlyInAnyOrder(key("hay fever"),
                key("allergic rhinitis"));
    }

    @Test
    void aNameWithAllThePhrasesWordsIsANarrowerTopicNotAnotherName() {
        assertThat(topics.otherNames(key("migraine"))).containsExactly(key("sick headache"));
    }

    @Test
    void aPhraseWithManyOtherNamesIsAFamilyOfTopicsAndHasNone() {
        assertThat(topics.otherNames(key("bone growth disorder"))).isEmpty();
    }

    @Test
    void anOlderVersionOfARecordNamesNothing() {
        assertThat(topics.otherNames(key("frozen shoulder"))).containsExactly(key("adhesive capsulitis"));
    }
}
