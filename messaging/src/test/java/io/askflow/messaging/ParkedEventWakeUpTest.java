package io.askflow.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.askflow.events.Specialty;
import io.askflow.testsupport.AskflowIntegrationTest;
import io.askflow.testsupport.Fixtures;
import io.askflow.testsupport.KafkaProbe;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * With the poll and the back-off an hour long, only the wake-up can replay a parked event: the event its key waited
 * for brings it back at once.
 */
@AskflowIntegrationTest
@TestPropertySource(properties = {
        "askflow.kafka.parking.poll-interval=1h",
        "askflow.kafka.parking.first-replay-after=1h",
        "askflow.kafka.parking.max-replay-interval=1h",
        "askflow.kafka.retry.too-early-for=2h"})
class ParkedEventWakeUpTest {

    @Autowired
    MessagingTestApplication.Notes notes;
    @Autowired
    KafkaProbe kafka;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aParkedEventIsReplayedAsSoonAsAnEventOfItsKeyIsProcessed() {
        UUID questionId = UUID.randomUUID();
        kafka.send(Fixtures.questionReleased(questionId, Specialty.NEUROLOGY));
        await().atMost(Duration.ofSeconds(30)).until(() -> parkedRows(questionId) == 1);
        assertThat(notes.note(questionId)).isNull();

        kafka.send(Fixtures.questionClaimed(questionId, Specialty.NEUROLOGY));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(notes.note(questionId)).isEqualTo("claimed+released");
            assertThat(parkedRows(questionId)).isZero();
        });
    }

    private int parkedRows(UUID questionId) {
        return jdbc.sql("select count(*) from parked_event where record_key = ?").param(questionId.toString())
                .query(Integer.class).single();
    }
}
