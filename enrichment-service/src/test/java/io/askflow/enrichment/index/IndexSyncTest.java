package io.askflow.enrichment.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.askflow.enrichment.Questions;
import io.askflow.enrichment.knowledge.KnowledgeImport;
import io.askflow.enrichment.knowledge.KnowledgeRecords;
import io.askflow.enrichment.ranking.Hit;
import io.askflow.enrichment.ranking.PageRanking;
import io.askflow.enrichment.ranking.SearchRequest;
import io.askflow.events.AgeRange;
import io.askflow.events.ConsentWithdrawn;
import io.askflow.events.Gender;
import io.askflow.events.QuestionSubmitted;
import io.askflow.events.ReplyEnriched;
import io.askflow.events.ReplyPosted;
import io.askflow.events.Specialty;
import io.askflow.testsupport.AskflowIntegrationTest;
import io.askflow.testsupport.KafkaProbe;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Other index folders, as other instances have them: built from the schema, reopened as they are, and kept equal
 * to the schema by the sync.
 */
@AskflowIntegrationTest
class IndexSyncTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired KnowledgeImport knowledgeImport;
    @Autowired KnowledgeRecords knowledge;
    @Autowired Questions questions;
    @Autowired TransactionTemplate transactions;
    @Autowired JdbcTemplate jdbc;
    @Autowired KafkaProbe probe;
    @TempDir Path folder;

    @Test
    void aMissingIndexIsRebuiltFromTheSchemaAndAnExistingOneReopened() throws IOException {
        String id = "SYNC_" + UUID.randomUUID().toString().replace("-", "") + "_Sec1";
        Path file = folder.resolve("knowledge.jsonl");
        Files.writeString(file, """
                {"id": "%s", "source": "TEST", "url": "https://example.org/sync", "focus": "Chilblains", \
                "question": "What is (are) Chilblains ?", "answer": "Chilblains are itchy red patches after cold."}
                """.formatted(id));
        knowledgeImport.importFile(file, line -> { });
        var properties = new IndexProperties(folder.resolve("index"), Duration.ofMinutes(1));

        SearchIndex fresh = new SearchIndex(properties);
        assertThat(new IndexSync(fresh, knowledge, questions, transactions, jdbc).start()).isPositive();
        assertThat(fresh.count(Kind.KNOWLEDGE)).isEqualTo(knowledge.count());
        assertThat(new PageRanking(fresh).search(request("itchy red toes after the cold"))).extracting(Hit::id).contains(id);
        fresh.destroy();

        SearchIndex reopened = new SearchIndex(properties);
        assertThat(reopened.open()).containsEntry(SearchIndex.FORMAT_KEY, Fields.FORMAT)
                .containsKey(SearchIndex.SYNCED_UP_TO_KEY);
        // within the sync's look-back of the import: the versions in the index tell that nothing changed since
        assertThat(new IndexSync(reopened, knowledge, questions, transactions, jdbc).start()).isZero();
        assertThat(new PageRanking(reopened).search(request("chilblains"))).extracting(Hit::id).contains(id);
        reopened.destroy();
    }

    @Test
    void aWithdrawnQuestionLeavesEveryInstanceAndNoRebuildBringsItBack() throws IOException {
        QuestionSubmitted asked = new QuestionSubmitted(UUID.randomUUID(), UUID.randomUUID(), Instant.now(), "Ann",
                AgeRange.FROM_50_TO_59, Gender.FEMALE, null, "Ringing in both ears at night",
                "For a month I hear a high ringing in both ears when it is quiet. Is tinnitus dangerous?", "en", true,
                "http://127.0.0.1:8080/track/" + UUID.randomUUID(), "ann@example.org", false);
        probe.send(asked);
        probe.send(new ReplyPosted(UUID.randomUUID(), asked.questionId(), Instant.now(), UUID.randomUUID(),
                UUID.randomUUID(), "Dr. Ye", Specialty.GENERAL_MEDICINE, "Tinnitus is rarely dangerous."));
        await().atMost(WAIT).untilAsserted(() ->
                assertThat(probe.events(ReplyEnriched.class, asked.questionId())).hasSize(1));
        String id = asked.questionId().toString();
        SearchIndex running = new SearchIndex(new IndexProperties(folder.resolve("running"), Duration.ofMinutes(1)));
        IndexSync runningSync = new IndexSync(running, knowledge, questions, transactions, jdbc);
        runningSync.start();
        var stoppedFolder = new IndexProperties(folder.resolve("stopped"), Duration.ofMinutes(1));
        SearchIndex stopped = new SearchIndex(stoppedFolder);
        new IndexSync(stopped, knowledge, questions, transactions, jdbc).start();
        stopped.destroy();
        assertThat(new PageRanking(running).search(questionsAbout("ringing in the ears"))).extracting(Hit::id).contains(id);

        probe.send(new ConsentWithdrawn(UUID.randomUUID(), asked.questionId(), Instant.now()));
        await().atMost(WAIT).untilAsserted(() -> assertThat(jdbc.queryForObject(
                "select count(*) from question_withdrawal where question_id = ?", Long.class, asked.questionId()))
                .isEqualTo(1));

        runningSync.catchUp();
        assertThat(new PageRanking(running).search(questionsAbout("ringing in the ears"))).extracting(Hit::id).doesNotContain(id);
        assertThat(runningSync.catchUp()).isZero();
        running.destroy();
        SearchIndex restarted = new SearchIndex(stoppedFolder);
        new IndexSync(restarted, knowledge, questions, transactions, jdbc).start();
        assertThat(new PageRanking(restarted).search(questionsAbout("ringing in the ears"))).extracting(Hit::id).doesNotContain(id);
        restarted.destroy();
        SearchIndex rebuilt = new SearchIndex(new IndexProperties(folder.resolve("rebuilt"), Duration.ofMinutes(1)));
        new IndexSync(rebuilt, knowledge, questions, transactions, jdbc).start();
        assertThat(new PageRanking(rebuilt).search(questionsAbout("ringing in the ears"))).extracting(Hit::id).doesNotContain(id);
        assertThat(rebuilt.count(Kind.QUESTION)).isEqualTo(questions.countPublishable());
        rebuilt.destroy();
    }

    private static SearchRequest request(String text) {
        return SearchRequest.knowledge(text, 10);
    }

    private static SearchRequest questionsAbout(String text) {
        return SearchRequest.questions(text, 50);
    }
}
