package io.askflow.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.askflow.events.QuestionClaimed;
import io.askflow.events.QuestionRouted;
import io.askflow.events.QuestionWithdrawn;
import io.askflow.events.Specialty;
import io.askflow.events.Topics;
import io.askflow.testsupport.AskflowIntegrationTest;
import io.askflow.testsupport.DatabaseOutage;
import io.askflow.testsupport.Fixtures;
import io.askflow.testsupport.KafkaProbe;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

@AskflowIntegrationTest
class MessagingTest {

    @Autowired
    MessagingTestApplication.Notes notes;
    @Autowired
    KafkaProbe kafka;
    @Autowired
    MockMvc mvc;
    @Autowired
    EventParking parking;
    @Autowired
    MessagingProperties properties;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void aCommittedStateChangePublishesItsEventKeyedByQuestionWithCloudEventHeaders() {
        QuestionRouted routed = Fixtures.questionRouted(UUID.randomUUID(), Specialty.NEUROLOGY);

        notes.route(routed, false);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(kafka.events(QuestionRouted.class, routed.questionId())).containsExactly(routed));
        var record = kafka.records(Topics.QUESTION_ROUTED, routed.questionId().toString()).get(0);
        Header type = record.headers().lastHeader("ce_type");
        assertThat(new String(type.value(), StandardCharsets.UTF_8)).isEqualTo("io.askflow.question.routed");
    }

    @Test
    void aRolledBackStateChangePublishesNothing() {
        QuestionRouted routed = Fixtures.questionRouted(UUID.randomUUID(), Specialty.NEUROLOGY);
        QuestionRouted marker = Fixtures.questionRouted(routed.questionId(), Specialty.CARDIOLOGY);

        assertThatThrownBy(() -> notes.route(routed, true)).isInstanceOf(IllegalStateException.class);
        notes.route(marker, false);

        // the marker, published after the failed one on the same key and partition, arrives alone
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(kafka.events(QuestionRouted.class, routed.questionId())).containsExactly(marker));
        assertThat(notes.note(routed.questionId())).isEqualTo("routed");
    }

    @Test
    void healthShowsTheBrokerUp() throws Exception {
        mvc.perform(get("/actuator/health/kafka")).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"))
                .andExpect(jsonPath("$.details.brokers").value(1));
    }

    @Test
    void aRedeliveredEventIsProcessedOnce() {
        QuestionClaimed claimed = Fixtures.questionClaimed(UUID.randomUUID(), Specialty.NEUROLOGY);
        QuestionClaimed later = Fixtures.questionClaimed(claimed.questionId(), Specialty.NEUROLOGY);

        kafka.send(claimed);
        kafka.send(claimed);
        kafka.send(later);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(notes.note(claimed.questionId())).isEqualTo("claimed+claimed"));
    }

    @Test
    void aMalformedRecordGoesToTheDeadLetterTopicAndLaterRecordsStillFlow() {
        UUID questionId = UUID.randomUUID();
        byte[] poison = "{not json".getBytes(StandardCharsets.UTF_8);
        QuestionClaimed good = Fixtures.questionClaimed(questionId, Specialty.NEUROLOGY);

        kafka.sendRaw(Topics.QUESTION_CLAIMED, questionId.toString(), poison);
        kafka.send(good);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            var dead = kafka.records(Topics.deadLetter(Topics.QUESTION_CLAIMED), questionId.toString());
            assertThat(dead).singleElement().satisfies(r -> assertThat(r.value()).isEqualTo(poison));
            assertThat(notes.note(questionId)).isEqualTo("claimed");
        });
    }

    @Test
    void aTooEarlyEventIsParkedWhileLaterRecordsOfItsPartitionGoOnAndIsProcessedOnceWhenItsStateArrives() {
        UUID early = UUID.randomUUID();
        UUID onTime = questionOnTheSamePartitionAs(early);
        kafka.send(Fixtures.questionClaimed(onTime, Specialty.NEUROLOGY));
        await().atMost(Duration.ofSeconds(30)).until(() -> "claimed".equals(notes.note(onTime)));

        kafka.send(Fixtures.questionReleased(early, Specialty.NEUROLOGY));
        kafka.send(Fixtures.questionReleased(onTime, Specialty.NEUROLOGY));

        // the later release of the partition is processed while the early one waits in the table, not in place
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(notes.note(onTime)).isEqualTo("claimed+released");
            assertThat(parkedRows(early)).isPositive();
        });
        assertThat(notes.note(early)).isNull();

        kafka.send(Fixtures.questionClaimed(early, Specialty.NEUROLOGY));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(notes.note(early)).isEqualTo("claimed+released");
            assertThat(parkedRows(early)).isZero();
        });
        assertThat(kafka.records(Topics.deadLetter(Topics.QUESTION_RELEASED), early.toString())).isEmpty();
    }

    @Test
    void anOrphanedTooEarlyEventIsDeadLetteredWithItsExceptionOnceItsBudgetIsSpent() {
        UUID questionId = UUID.randomUUID();
        Instant sent = Instant.now();

        kafka.send(Fixtures.questionReleased(questionId, Specialty.NEUROLOGY));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(kafka.records(Topics.deadLetter(Topics.QUESTION_RELEASED), questionId.toString()))
                        .hasSize(1));
        var original = kafka.records(Topics.QUESTION_RELEASED, questionId.toString()).get(0);
        var dead = kafka.records(Topics.deadLetter(Topics.QUESTION_RELEASED), questionId.toString()).get(0);
        assertThat(dead.value()).isEqualTo(original.value());
        assertThat(header(dead, KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN))
                .isEqualTo(EventTooEarlyException.class.getName());
        assertThat(header(dead, KafkaHeaders.DLT_EXCEPTION_MESSAGE)).contains("before its claim");
        // dead-lettered once the 10 s budget (test configuration) since its first parking was spent, not before
        assertThat(Instant.parse(header(dead, EventParking.PARKED_SINCE)).plusSeconds(10))
                .isBefore(Instant.ofEpochMilli(dead.timestamp()).plusMillis(1));
        assertThat(Instant.parse(header(dead, EventParking.PARKED_SINCE))).isAfter(sent.minusSeconds(1));
        assertThat(parkedRows(questionId)).isZero();
        assertThat(notes.note(questionId)).isNull();
    }

    @Test
    void aRecordRedeliveredAfterItWasParkedIsParkedOnce() {
        UUID questionId = UUID.randomUUID();
        var record = new ConsumerRecord<Object, Object>(Topics.QUESTION_RELEASED, 0, Long.MAX_VALUE - 1,
                questionId.toString(), "{}".getBytes(StandardCharsets.UTF_8));
        var why = new EventTooEarlyException("release before its claim");

        // uncommitted, so the replay cannot take the row away before it is counted; rolled back after
        Integer rows = transactions.execute(status -> {
            parking.accept(record, why);
            parking.accept(record, why);
            status.setRollbackOnly();
            return parkedRows(questionId);
        });

        assertThat(rows).isEqualTo(1);
    }

    @Test
    void anEventProcessedWhileTheDatabaseIsDownIsRetriedUntilItIsBackNotDeadLettered() throws Exception {
        QuestionWithdrawn withdrawn = new QuestionWithdrawn(UUID.randomUUID(), UUID.randomUUID(), Instant.now());
        int attemptsBefore = notes.withdrawalAttempts();

        try (DatabaseOutage outage = DatabaseOutage.begin()) {
            kafka.send(withdrawn);
            // more attempts than the ordinary retries (2 here) allow: those alone would have dead-lettered it
            await().atMost(Duration.ofSeconds(30)).until(() -> notes.withdrawalAttempts() > attemptsBefore + 4);
        }

        // the pool reconnects in its own time after the outage (the parked-event replay drains it too): the test's
        // own reads may fail meanwhile
        await().atMost(Duration.ofSeconds(30)).ignoreExceptionsInstanceOf(CannotGetJdbcConnectionException.class)
                .untilAsserted(() -> assertThat(notes.note(withdrawn.questionId())).isEqualTo("withdrawn"));
        assertThat(kafka.records(Topics.deadLetter(Topics.QUESTION_WITHDRAWN), withdrawn.questionId().toString()))
                .isEmpty();
    }

    private UUID questionOnTheSamePartitionAs(UUID questionId) {
        int partition = partitionOf(questionId);
        UUID other;
        do {
            other = UUID.randomUUID();
        } while (partitionOf(other) != partition);
        return other;
    }

    /** Kafka's default partitioner for a keyed record. */
    private int partitionOf(UUID questionId) {
        return Utils.toPositive(Utils.murmur2(questionId.toString().getBytes(StandardCharsets.UTF_8)))
                % properties.partitions();
    }

    private int parkedRows(UUID questionId) {
        return jdbc.sql("select count(*) from parked_event where record_key = ?").param(questionId.toString())
                .query(Integer.class).single();
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
