package io.askflow.enrichment.ranking;

import static org.assertj.core.api.Assertions.assertThat;

import io.askflow.enrichment.index.Fields;
import io.askflow.enrichment.index.IndexFixtures;
import io.askflow.enrichment.knowledge.KnowledgeRecord;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ConsumerQueryTest {

    private static final Analyzer analyzer = Fields.analyzer();
    private static final Directory directory = new ByteBuffersDirectory();
    private static DirectoryReader reader;
    private static TopicDictionary topics;

    @BeforeAll
    static void index() throws IOException {
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
            writer.addDocument(IndexFixtures.document(new KnowledgeRecord("T_1_Sec1", "TEST", null, "Psoriasis", List.of(),
                    null, null, null, "treatment", "How do you treat Psoriasis ?",
                    "Creams and light therapy calm the scaly patches."), 1));
            writer.addDocument(IndexFixtures.document(new KnowledgeRecord("T_2_Sec1", "TEST", null, "Common cold",
                    List.of(), null, null, null, "information", "Do you have information about Common cold",
                    "A cold is a viral infection of the nose and throat."), 1));
        }
        reader = DirectoryReader.open(directory);
        topics = TopicDictionary.of(reader);
    }

    @AfterAll
    static void close() throws IOException {
        reader.close();
        directory.close();
        analyzer.close();
    }

    private static Set<String> searchedTerms(String question) throws IOException {
        SearchRequest request = SearchRequest.knowledge(question, 10);
        return ConsumerQuery.build(request, reader, topics, analyzer).terms();
    }

    @Test
    void aMisspelledWordIsSearchedAsTheWordTheIndexKnows() throws IOException {
        assertThat(searchedTerms("what cream helps with psoraisis")).contains("psoriasi").doesNotContain("psoraisi");
    }

    @Test
    void functionWordsAreNotSearchedEvenWhereTheIndexHasThem() throws IOException {
        assertThat(searchedTerms("How do you get over a common cold?")).containsExactlyInAnyOrder("common", "cold");
    }

    @Test
    void aShortFirstSentenceIsTheSubjectLine() {
        assertThat(ConsumerQuery.subjectLine("Heel spurs. After months of running my heel hurts every morning"))
                .isEqualTo("Heel spurs");
        assertThat(ConsumerQuery.subjectLine("Ankle injury. I got hurt in my left leg ankle almost 5 months ago."))
                .isEqualTo("Ankle injury");
    }

    @Test
    void aLongFirstSentenceOrNoSentenceIsNone() {
        assertThat(ConsumerQuery.subjectLine(
                "I got hurt in my left leg ankle almost five months ago and it still hurts. What now?")).isEmpty();
        assertThat(ConsumerQuery.subjectLine("ringing in my ears")).isEmpty();
    }
}
