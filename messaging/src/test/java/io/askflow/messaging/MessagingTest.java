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
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@AskflowIntegrationTest
class MessagingTest {

    @Autowired
    MessagingTestApplication.Notes notes;
    @Autowired
    KafkaProbe kafka;
    @Autowired
    MockMvc mvc;

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
    void anEventTooEarlyOutlivesTheOrdinaryRetriesAndIsProcessedOnceItsStateArrives() {
        UUID questionId = UUID.randomUUID();
        int attemptsBefore = notes.releaseAttempts();

        kafka.send(Fixtures.questionReleased(questionId, Specialty.NEUROLOGY));
        await().atMost(Duration.ofSeconds(30)).until(() -> notes.releaseAttempts() > attemptsBefore + 3);
        kafka.send(Fixtures.questionClaimed(questionId, Specialty.NEUROLOGY));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(notes.note(questionId)).isEqualTo("claimed+released"));
        assertThat(kafka.records(Topics.deadLetter(Topics.QUESTION_RELEASED), questionId.toString())).isEmpty();
    }

    @Test
    void anEventThatStaysTooEarlyIsDeadLetteredAfterItsLongerBudget() {
        UUID questionId = UUID.randomUUID();

        kafka.send(Fixtures.questionReleased(questionId, Specialty.NEUROLOGY));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(kafka.records(Topics.deadLetter(Topics.QUESTION_RELEASED), questionId.toString()))
                        .hasSize(1));
        assertThat(notes.note(questionId)).isNull();
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

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(notes.note(withdrawn.questionId())).isEqualTo("withdrawn"));
        assertThat(kafka.records(Topics.deadLetter(Topics.QUESTION_WITHDRAWN), withdrawn.questionId().toString()))
                .isEmpty();
    }
}
