package io.askflow.enrichment.index;

import static org.assertj.core.api.Assertions.assertThat;

import io.askflow.enrichment.AnsweredQuestion;
import io.askflow.enrichment.knowledge.KnowledgeRecord;
import io.askflow.enrichment.ranking.Hit;
import io.askflow.enrichment.ranking.PageRanking;
import io.askflow.enrichment.ranking.SearchRequest;
import io.askflow.events.Specialty;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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
 * What a reply does to the index: its question is searchable at once but written to disk only by the next commit
 * (what it does to the topic dictionary: {@code ranking.TopicDictionariesTest}).
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

        assertThat(new PageRanking(index).search(questionsAbout("itchy red toes"))).extracting(Hit::id)
                .containsExactly(question.questionId().toString());
        assertThat(index.hasUncommittedChanges()).isTrue();
        assertThat(committedDocuments(question.questionId())).as("not on disk before the commit").isZero();

        index.commit(Map.of());

        assertThat(index.hasUncommittedChanges()).isFalse();
        assertThat(committedDocuments(question.questionId())).isOne();
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
        return SearchRequest.questions(text, 10);
    }
}
