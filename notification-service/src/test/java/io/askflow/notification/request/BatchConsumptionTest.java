package io.askflow.notification.request;

import static io.askflow.notification.request.NotificationRequestTest.copyWithNewEventId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.askflow.events.AskflowEvent;
import io.askflow.events.NotificationKind;
import io.askflow.events.NotificationRequested;
import io.askflow.events.QuestionSubmitted;
import io.askflow.events.Specialty;
import io.askflow.events.Topics;
import io.askflow.notification.NotificationServiceTest;
import io.askflow.testsupport.Fixtures;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * The two busy topics are consumed a poll at a time, one transaction per poll. These tests put several records into
 * one poll (the topic's consumers are paused while they are sent, all with one key, so one partition) and check
 * that every record is still handled on its own: duplicates store one mail, a poison record goes to the dead
 * letters alone, and a request that came before its question waits alone while the rest of its poll is stored.
 */
class BatchConsumptionTest extends NotificationServiceTest {

    @Autowired
    RequestNotification requests;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Autowired
    ObjectMapper json;

    @Test
    void aBatchWithADuplicateInsideStoresOneMail() {
        QuestionSubmitted question = Fixtures.questionSubmitted(Specialty.NEUROLOGY);
        NotificationRequested request = Fixtures.notificationRequested(question.questionId(), NotificationKind.ANSWERED);
        NotificationRequested duplicate = copyWithNewEventId(request);
        kafka.send(question);
        await().atMost(Duration.ofSeconds(30)).until(() -> processed(question.eventId()));

        inOnePoll(Topics.NOTIFICATION_REQUESTED, () -> {
            kafka.send(request);
            kafka.send(request);                                   // the same event twice in one poll
            kafka.send(duplicate);                                 // the same notification under another event id
        });

        awaitOneMailTo(question.contactEmail());
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(mailsTo(question.contactEmail())).hasSize(1);
            assertThat(deliveries.ofQuestion(question.questionId())).hasSize(1);
        });
        assertThat(processed(request.eventId())).isTrue();
        assertThat(processed(duplicate.eventId())).isTrue();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(sentEvents(question.questionId(), request.notificationId())).hasSize(1));
    }

    @Test
    void storingABatchThatHoldsARequestThreeTimesStoresOneMail() {
        QuestionSubmitted question = Fixtures.questionSubmitted(Specialty.NEUROLOGY);
        NotificationRequested request = Fixtures.notificationRequested(question.questionId(), NotificationKind.ANSWERED);
        kafka.send(question);
        await().atMost(Duration.ofSeconds(30)).until(() -> processed(question.eventId()));

        RequestNotification.Stored stored = requests.store(List.of(request, request, copyWithNewEventId(request)));

        assertThat(stored.added()).isEqualTo(1);
        assertThat(stored.failures()).isEmpty();
        assertThat(requests.store(List.of(copyWithNewEventId(request))).added()).isZero();
        assertThat(deliveries.ofQuestion(question.questionId())).hasSize(1);
        awaitOneMailTo(question.contactEmail());
    }

    @Test
    void aPoisonRecordInTheMiddleOfABatchIsDeadLetteredAloneAndTheRecordsAroundItAreStored() {
        QuestionSubmitted before = Fixtures.questionSubmitted(Specialty.NEUROLOGY);
        QuestionSubmitted after = Fixtures.questionSubmitted(Specialty.NEUROLOGY);
        kafka.send(before);
        kafka.send(after);
        await().atMost(Duration.ofSeconds(30)).until(() -> processed(before.eventId()) && processed(after.eventId()));
        String key = before.questionId().toString();

        inOnePoll(Topics.NOTIFICATION_REQUESTED, () -> {
            sendWithKey(key, Fixtures.notificationRequested(before.questionId(), NotificationKind.ANSWERED));
            kafka.sendRaw(Topics.NOTIFICATION_REQUESTED, key, "not json".getBytes(StandardCharsets.UTF_8));
            sendWithKey(key, Fixtures.notificationRequested(after.questionId(), NotificationKind.ANSWERED));
        });

        awaitOneMailTo(before.contactEmail());
        awaitOneMailTo(after.contactEmail());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(kafka.records(Topics.deadLetter(Topics.NOTIFICATION_REQUESTED), key))
                        .singleElement().extracting(ConsumerRecord::value)
                        .isEqualTo("not json".getBytes(StandardCharsets.UTF_8)));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(mailsTo(before.contactEmail())).hasSize(1);
            assertThat(mailsTo(after.contactEmail())).hasSize(1);
        });
    }

    @Test
    void aRequestBeforeItsQuestionWaitsAloneWhileTheRestOfItsBatchIsStored() {
        QuestionSubmitted first = Fixtures.questionSubmitted(Specialty.NEUROLOGY);
        QuestionSubmitted late = Fixtures.questionSubmitted(Specialty.NEUROLOGY);
        QuestionSubmitted last = Fixtures.questionSubmitted(Specialty.NEUROLOGY);
        kafka.send(first);
        kafka.send(last);
        await().atMost(Duration.ofSeconds(30)).until(() -> processed(first.eventId()) && processed(last.eventId()));
        String key = late.questionId().toString();
        NotificationRequested early = Fixtures.notificationRequested(late.questionId(), NotificationKind.ANSWERED);

        inOnePoll(Topics.NOTIFICATION_REQUESTED, () -> {
            sendWithKey(key, Fixtures.notificationRequested(first.questionId(), NotificationKind.ANSWERED));
            sendWithKey(key, early);
            sendWithKey(key, Fixtures.notificationRequested(last.questionId(), NotificationKind.ANSWERED));
        });

        awaitOneMailTo(first.contactEmail());
        awaitOneMailTo(last.contactEmail());
        assertThat(deliveries.ofQuestion(late.questionId())).isEmpty();
        assertThat(processed(early.eventId())).isFalse();

        kafka.send(late);

        awaitOneMailTo(late.contactEmail());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(sentEvents(late.questionId(), early.notificationId())).hasSize(1));
        assertThat(kafka.records(Topics.deadLetter(Topics.NOTIFICATION_REQUESTED), key)).isEmpty();
        assertThat(mailsTo(first.contactEmail())).hasSize(1);
        assertThat(mailsTo(last.contactEmail())).hasSize(1);
    }

    /** Sends while the topic's consumers are paused, so what was sent arrives in one poll. */
    private void inOnePoll(String topic, Runnable send) {
        MessageListenerContainer container = listeners.getAllListenerContainers().stream()
                .filter(candidate -> Arrays.asList(candidate.getContainerProperties().getTopics()).contains(topic))
                .findFirst().orElseThrow();
        container.pause();
        try {
            // a consumer without partitions never pauses: wait for those that have some
            await().atMost(Duration.ofSeconds(30)).until(() -> ((ConcurrentMessageListenerContainer<?, ?>) container)
                    .getContainers().stream().allMatch(consumer -> consumer.isContainerPaused()
                            || consumer.getAssignedPartitions() == null || consumer.getAssignedPartitions().isEmpty()));
            send.run();
        } finally {
            container.resume();
        }
    }

    private void sendWithKey(String key, AskflowEvent event) {
        try {
            kafka.sendRaw(Topics.NOTIFICATION_REQUESTED, key, json.writeValueAsBytes(event));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
