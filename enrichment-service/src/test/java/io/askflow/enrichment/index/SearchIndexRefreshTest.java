package io.askflow.enrichment.index;

import static org.assertj.core.api.Assertions.assertThat;

import io.askflow.enrichment.AnsweredQuestion;
import io.askflow.enrichment.knowledge.KnowledgeRecord;
import io.askflow.events.Specialty;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a reply does to the index: its question is searchable at once but written to disk only by the next commit,
 * and the topic dictionary is built again only when knowledge records change.
 */
class SearchIndexRefreshTest {

    @TempDir Path folder;
    private SearchIndex index;

    @BeforeEach
    void openWithOneKnowledgeRecord() throws IOException {
        index = new SearchIndex(new IndexProperties(folder, Duration.ofMinutes(1)));
        index.open();
        index.put(knowledge("K1", "Chilblains", "What is (are) Chilblains ?"), 1);
        index.commit(Map.of());
    }

    @AfterEach
    void close() throws IOException {
        index.destroy();
    }

    @Test
    void aRefreshedQuestionIsSearchableAtOnceAndOnDiskAfterTheNextCommit() throws IOException {
        AnsweredQuestion question = question("Itchy red toes every winter", "My toes swell and itch after the cold.");

        index.put(question, 2);
        index.refresh();

        assertThat(index.search(questionsAbout("itchy red toes"))).extracting(Hit::id)
                .containsExactly(question.questionId().toString());
        assertThat(index.hasUncommittedChanges()).isTrue();
        assertThat(committedDocuments(question.questionId())).as("not on disk before the commit").isZero();

        index.commit(Map.of());

        assertThat(index.hasUncommittedChanges()).isFalse();
        assertThat(committedDocuments(question.questionId())).isOne();
    }

    @Test
    void aQuestionKeepsTheTopicDictionaryAndAKnowledgeRecordRenewsIt() throws IOException {
        TopicDictionary before = index.topics();
        assertThat(before.isPhrase(Fields.key(Fields.analyzer(), "Chilblains"))).isTrue();

        index.put(question("Cold toes", "Are chilblains dangerous?"), 2);
        index.refresh();
        assertThat(index.topics()).as("a question's segment holds no topics").isSameAs(before);

        index.put(knowledge("K2", "Raynaud phenomenon", "What is (are) Raynaud phenomenon ?"), 3);
        index.refresh();
        TopicDictionary after = index.topics();
        assertThat(after).isNotSameAs(before);
        assertThat(after.isPhrase(Fields.key(Fields.analyzer(), "Raynaud phenomenon"))).isTrue();
        assertThat(after.isPhrase(Fields.key(Fields.analyzer(), "Chilblains"))).isTrue();
    }

    private long committedDocuments(UUID questionId) throws IOException {
        try (FSDirectory directory = FSDirectory.open(folder); DirectoryReader committed = DirectoryReader.open(directory)) {
            return new IndexSearcher(committed).count(new TermQuery(new Term(Fields.ID, questionId.toString())));
        }
    }

    private static KnowledgeRecord knowledge(String id, String focus, String question) {
        return new KnowledgeRecord(id + "_Sec1", "TEST", "https://example.org/" + id, focus, List.of(), "Disease",
                "Disorders", List.of(), "information", question, focus + " is a condition described for this test.");
    }

    private static AnsweredQuestion question(String title, String body) {
        return new AnsweredQuestion(UUID.randomUUID(), title, body, true, UUID.randomUUID(), "Dr. Ye",
                Specialty.DERMATOLOGY, "Keep them warm and dry.");
    }

    private static SearchRequest questionsAbout(String text) {
        return new SearchRequest(text, "", null, Set.of(Kind.QUESTION), null, false, 10, SearchRequest.SNIPPET_CHARS);
    }
}
