package io.askflow.enrichment.ranking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.askflow.enrichment.index.Fields;
import io.askflow.enrichment.index.IndexFixtures;
import io.askflow.enrichment.knowledge.KnowledgeRecord;
import java.io.IOException;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.Test;

class TopicAgreementTest {

    private final Analyzer analyzer = Fields.analyzer();

    private static KnowledgeRecord page(String id, String focus, List<String> synonyms) {
        return new KnowledgeRecord(id, "TEST", null, focus, synonyms, null, null, null, "information",
                "What is (are) " + focus + " ?", "Text about " + focus + ".");
    }

    @Test
    void thePagesOnTheTopicMostOfTheScoreGoesToShareIt() throws IOException {
        try (Directory directory = new ByteBuffersDirectory()) {
            try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
                writer.addDocument(IndexFixtures.document(page("A_1_Sec1", "Migraine", List.of()), 1));
                writer.addDocument(IndexFixtures.document(page("B_1_Sec1", "Tension headache", List.of()), 1));
                writer.addDocument(IndexFixtures.document(page("C_1_Sec1", "Vascular headache", List.of("Migraines")), 1));
            }
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                // the tension headache page scores best on its own, but the migraine pages hold more of the score
                float[] share = TopicAgreement.of(reader, new int[] {1, 0, 2}, new float[] {12, 10, 8});

                assertThat(share[0]).isZero();
                assertThat(share[1]).isCloseTo(18 / 30f, within(1e-6f));
                assertThat(share[2]).isCloseTo(18 / 30f, within(1e-6f));
            }
        }
    }
}
