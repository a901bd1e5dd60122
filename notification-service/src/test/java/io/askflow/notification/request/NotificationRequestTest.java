package io.askflow.notification.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.askflow.events.DoctorUpdated;
import io.askflow.events.NotificationKind;
import io.askflow.events.NotificationRequested;
import io.askflow.events.QuestionSubmitted;
import io.askflow.events.Specialty;
import io.askflow.events.Topics;
import io.askflow.notification.Delivery;
import io.askflow.notification.DeliveryStatus;
import io.askflow.notification.NotificationServiceTest;
import io.askflow.testsupport.Fixtures;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class NotificationRequestTest extends NotificationServiceTest {

    @Autowired
    RequestNotification requests;

    @Test
    void answeredRequestSendsOneMailToThePatientAndPublishesSent() throws Exception {
        QuestionSubmitted question = Fixtures.questionSubmitted(Specialty.NEUROLOGY);
        NotificationRequested request = Fixtures.notificationRequested(question.questionId(), NotificationKind.ANSWERED);
        kafka.send(question);
        kafka.send(request);

        MimeMessage mail = awaitOneMailTo(question.contactEmail());
        assertThat(mail.getSubject()).isEqualTo("Askflow: Dr. Ye (Neurology) answered \"" + Fixtures.BELLS_PALSY_TITLE + "\"");
        assertThat(mail.getMessageID()).isEqualTo("<" + request.notificationId() + "@askflow.local>");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(sentEvents(question.questionId(), request.notificationId()))
                        .singleElement().satisfies(sent -> {
                            assertThat(sent.kind()).isEqualTo(NotificationKind.ANSWERED);
                            assertThat(sent.attempt()).isEqualTo(1);
                        }));
        assertThat(deliveries.ofQuestion(question.questionId())).singleElement().satisfies(delivery -> {
            assertThat(delivery.status()).isEqualTo(DeliveryStatus.SENT);
            assertThat(delivery.attempts()).isEqualTo(1);
            assertThat(delivery.smtpResponse()).startsWith("250");
            assertThat(delivery.sentAt()).isAfterOrEqualTo(delivery.firstAttemptAt());
        });
    }

    @Test
    void aRequestDeliveredManyTimesSendsOneMail() throws Exception {
        QuestionSubmitted question = Fixtures.questionSubmitted(Specialty.NEUROLOGY);
        NotificationRequested request = Fixtures.notificationRequested(question.questionId(), NotificationKind.ANSWERED);
        kafka.send(question);
        kafka.send(question);
        kafka.send(request);
        kafka.send(request);                                                   // a redelivery: same event id
        for (int i = 0; i < 3; i++) {                                          // duplicates: same notification id
            kafka.send(copyWithNewEventId(request));
        }

        awaitOneMailTo(question.contactEmail());
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(mailsTo(question.contactEmail())).hasSize(1);
            assertThat(deliveries.ofQuestion(question.questionId())).hasSize(1);
        });
        assertThat(sentEvents(question.questionId(), request.notificationId())).hasSize(1);
    }

    @Test
    void fiveConcurrentDeliveriesOfOneRequestSendOneMail() throws Exception {
        QuestionSubmitted question = Fixtures.questionSubmitted(Specialty.NEUROLOGY);
        NotificationRequested request = Fixtures.notificationRequested(question.questionId(), NotificationKind.ANSWERED);
        kafka.send(question);
        await().atMost(Duration.ofSeconds(30)).until(() -> contactKnown(question));

        var start = new CyclicBarrier(5);
        List<CompletableFuture<Integer>> attempts = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            attempts.add(CompletableFuture.supplyAsync(() -> {
                arriveTogether(start);
                return requests.store(List.of(copyWithNewEventId(request))).added();
            }));
        }
        int stored = attempts.stream().mapToInt(CompletableFuture::join).sum();

        assertThat(stored).isEqualTo(1);
        awaitOneMailTo(question.contactEmail());
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(mailsTo(question.contactEmail())).hasSize(1));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(sentEvents(question.questionId(), request.notificationId())).hasSize(1));
    }

    @Test
    void aRequestThatComesBeforeItsQuestionIsDeliveredOnceTheQuestionArrives() throws Exception {
        QuestionSubmitted question = Fixtures.questionSubmitted(Specialty.NEUROLOGY);
        NotificationRequested request = Fixtures.notificationRequested(question.questionId(), NotificationKind.RECEIVED);
        kafka.send(request);
        await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(deliveries.ofQuestion(question.questionId())).isEmpty());

        kafka.send(question);

        awaitOneMailTo(question.contactEmail());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(sentEvents(question.questionId(), request.notificationId())).hasSize(1));
        assertThat(kafka.records(Topics.deadLetter(Topics.NOTIFICATION_REQUESTED), question.questionId().toString()))
                .isEmpty();
        assertThat(mailsTo(question.contactEmail())).hasSize(1);
    }

    @Test
    void aReminderGoesOnceToEachActiveDoctorOfTheSpecialty() throws Exception {
        Specialty specialty = Specialty.NEUROLOGY;
        DoctorUpdated ye = doctor("Dr. Ye", Set.of(specialty, Specialty.GENERAL_MEDICINE), true, Instant.now());
        DoctorUpdated lin = doctor("Dr. Lin", Set.of(specialty), true, Instant.now());
        DoctorUpdated retired = doctor("Dr. Old", Set.of(specialty), true, Instant.now().minusSeconds(60));
        DoctorUpdated retiredLater = new DoctorUpdated(UUID.randomUUID(), Instant.now(), retired.doctorId(),
                retired.name(), retired.email(), retired.specialties(), false);
        DoctorUpdated cardiologist = doctor("Dr. Heart", Set.of(Specialty.CARDIOLOGY), true, Instant.now());
        kafka.send(ye);
        kafka.send(ye);
        kafka.send(lin);
        kafka.send(retiredLater);
        kafka.send(retired);                                       // older than the deactivation: changes nothing
        kafka.send(cardiologist);
        UUID questionId = UUID.randomUUID();
        NotificationRequested reminder = new NotificationRequested(UUID.randomUUID(), questionId, Instant.now(),
                UUID.randomUUID(), NotificationKind.REMINDER, specialty, "頭痛が三日続いています", null, null, null,
                Instant.now().plusSeconds(3600), true);
        await().atMost(Duration.ofSeconds(30)).until(() -> activeDoctors(specialty).containsAll(
                List.of(ye.doctorId(), lin.doctorId())) && !activeDoctors(specialty).contains(retired.doctorId())
                && processed(retired.eventId()));

        kafka.send(reminder);

        MimeMessage toYe = awaitOneMailTo(ye.email());
        awaitOneMailTo(lin.email());
        assertThat(toYe.getSubject()).isEqualTo(
                "URGENT Askflow: a Neurology question waits for a doctor: \"頭痛が三日続いています\"");
        assertThat(toYe.getMessageID()).isEqualTo("<" + reminder.notificationId() + "." + ye.doctorId()
                + "@askflow.local>");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(sentEvents(questionId, reminder.notificationId())).hasSize(2));
        assertThat(mailsTo(retired.email())).isEmpty();
        assertThat(mailsTo(cardiologist.email())).isEmpty();
        assertThat(deliveries.ofQuestion(questionId)).extracting(Delivery::recipientKey)
                .containsExactlyInAnyOrder(ye.doctorId().toString(), lin.doctorId().toString());
    }

    @Test
    void malformedRecordsAreDeadLetteredAndLaterRecordsStillFlow() throws Exception {
        for (String topic : List.of(Topics.QUESTION_SUBMITTED, Topics.NOTIFICATION_REQUESTED, Topics.DOCTOR_UPDATED)) {
            String key = UUID.randomUUID().toString();
            kafka.sendRaw(topic, key, "not json".getBytes(StandardCharsets.UTF_8));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(kafka.records(Topics.deadLetter(topic), key)).hasSize(1));
        }
        String key = UUID.randomUUID().toString();
        kafka.sendRaw(Topics.NOTIFICATION_REQUESTED, key,
                "{\"eventId\":\"7c4ad0f0-8a0f-4cfd-9f51-7c3c4fd6c3a1\",\"kind\":\"ANSWERED\"}".getBytes(StandardCharsets.UTF_8));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(kafka.records(Topics.deadLetter(Topics.NOTIFICATION_REQUESTED), key)).hasSize(1));

        QuestionSubmitted question = Fixtures.questionSubmitted(Specialty.DERMATOLOGY);
        NotificationRequested request = Fixtures.notificationRequested(question.questionId(), NotificationKind.ANSWERED);
        kafka.send(question);
        kafka.send(request);
        awaitOneMailTo(question.contactEmail());
    }

    private boolean contactKnown(QuestionSubmitted question) {
        return jdbc.queryForObject("select count(*) from question_contact where question_id = ?", Integer.class,
                question.questionId()) == 1;
    }

    private List<UUID> activeDoctors(Specialty specialty) {
        return jdbc.queryForList("select doctor_id from doctor where active and ? = any (specialties)", UUID.class,
                specialty.name());
    }

    private static DoctorUpdated doctor(String name, Set<Specialty> specialties, boolean active, Instant at) {
        UUID id = UUID.randomUUID();
        return new DoctorUpdated(UUID.randomUUID(), at, id, name, "doctor." + id + "@askflow.example",
                specialties, active);
    }

    static NotificationRequested copyWithNewEventId(NotificationRequested r) {
        return new NotificationRequested(UUID.randomUUID(), r.questionId(), r.occurredAt(), r.notificationId(), r.kind(),
                r.specialty(), r.questionTitle(), r.trackingUrl(), r.doctorName(), r.replyExcerpt(), r.dueAt(),
                r.urgent());
    }

    private static void arriveTogether(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
