package io.askflow.enrichment.ranking;

import static org.assertj.core.api.Assertions.assertThat;

import io.askflow.enrichment.AnsweredQuestion;
import io.askflow.enrichment.index.Fields;
import io.askflow.enrichment.index.IndexFixtures;
import io.askflow.enrichment.index.SearchIndex;
import io.askflow.enrichment.knowledge.KnowledgeRecord;
import io.askflow.events.Specialty;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The topic dictionary is built again only when knowledge records change, not for each reply's question. */
class TopicDictionariesTest {

    @TempDir Path folder;
    private SearchIndex index;
    private PageRanking ranking;

    @BeforeEach
    void openWithOneKnowledgeRecord() throws IOException {
        index = IndexFixtures.open(folder);
        IndexFixtures.put(index, knowledge("K1", "Chilblains", "What is (are) Chilblains ?"), 1);
        IndexFixtures.commit(index);
        ranking = new PageRanking(index);
    }

    @AfterEach
    void close() throws IOException {
        index.destroy();
    }

    @Test
    void aQuestionKeepsTheTopicDictionaryAndAKnowledgeRecordRenewsIt() throws IOException {
        TopicDictionary before = ranking.topics();
        assertThat(before.isPhrase(Fields.key(Fields.analyzer(), "Chilblains"))).isTrue();

        IndexFixtures.put(index, question("Cold toes", "Are chilblains dangerous?"), 2);
        IndexFixtures.refresh(index);
        assertThat(ranking.topics()).as("a question's segment holds no topics").isSameAs(before);

        IndexFixtures.put(index, knowledge("K2", "Raynaud phenomenon", "What is (are) Raynaud phenomenon ?"), 3);
        IndexFixtures.refresh(index);
        TopicDictionary after = ranking.topics();
        assertThat(after).isNotSameAs(before);
        assertThat(after.isPhrase(Fields.key(Fields.analyzer(), "Raynaud phenomenon"))).isTrue();
        assertThat(after.isPhrase(Fields.key(Fields.analyzer(), "Chilblains"))).isTrue();
    }

    private static KnowledgeRecord knowledge(String id, String focus, String question) {
        return new KnowledgeRecord(id + "_Sec1", "TEST", "https://example.org/" + id, focus, List.of(), "Disease",
                "Disorders", List.of(), "information", question, focus + " is a condition described for this test.");
    }

    private static AnsweredQuestion question(String title, String body) {
        return new AnsweredQuestion(UUID.randomUUID(), title, body, true, UUID.randomUUID(), "Dr. Ye",
                Specialty.DERMATOLOGY, "Keep them warm and dry.");
    }
}
