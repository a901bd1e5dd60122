package io.askflow.reply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.askflow.events.QuestionRouted;
import io.askflow.events.QuestionSubmitted;
import io.askflow.events.RoutedBy;
import io.askflow.events.Specialty;
import io.askflow.events.Topics;
import io.askflow.reply.doctor.Doctor;
import io.askflow.testsupport.Fixtures;
import io.askflow.testsupport.KafkaProbe;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@ReplyServiceTest
class QueueFeedTest {

    @Autowired KafkaProbe kafka;
    @Autowired QueueItems items;
    @Autowired Scenario scenario;
    @Autowired MockMvc mvc;

    @Test
    void submittedThenRoutedOpensTheQuestionWithoutTheEmail() throws Exception {
        QuestionSubmitted submitted = Fixtures.questionSubmitted(Specialty.NEUROLOGY);
        kafka.send(submitted);
        await().atMost(Duration.ofSeconds(30)).until(() -> items.find(submitted.questionId()).isPresent());
        assertThat(items.find(submitted.questionId()).orElseThrow().visible()).isFalse();

        kafka.send(Fixtures.questionRouted(submitted.questionId(), Specialty.NEUROLOGY));
        scenario.awaitStatus(submitted.questionId(), QueueItem.Status.OPEN);

        QueueItem item = items.find(submitted.questionId()).orElseThrow();
        assertThat(item.title()).isEqualTo(submitted.title());
        assertThat(item.body()).isEqualTo(submitted.body()).doesNotContain(submitted.contactEmail());
        assertThat(item.specialty()).isEqualTo(Specialty.NEUROLOGY);
        assertThat(item.queuedAt()).isNotNull();
        assertThat(item.askedAt()).isNotNull();
    }

    @Test
    void routedBeforeSubmittedStillOpensTheQuestion() throws Exception {
        QuestionSubmitted submitted = Fixtures.questionSubmitted(null);
        QuestionRouted routed = Fixtures.questionRouted(submitted.questionId(), Specialty.DERMATOLOGY);
        Doctor doctor = scenario.doctor("Skin", Specialty.DERMATOLOGY);

        kafka.send(routed);
        scenario.awaitStatus(submitted.questionId(), QueueItem.Status.OPEN);
        mvc.perform(get("/api/questions/{id}", submitted.questionId())
                        .with(httpBasic(doctor.username(), Scenario.PASSWORD)))
                .andExpect(status().isNotFound());

        kafka.send(submitted);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                items.find(submitted.questionId()).map(QueueItem::title).isPresent());

        mvc.perform(get("/api/queue").with(httpBasic(doctor.username(), Scenario.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.id == '%s')].title", submitted.questionId()).value(submitted.title()))
                .andExpect(jsonPath("$[?(@.id == '%s')].ageRange", submitted.questionId()).value("30~39"))
                .andExpect(jsonPath("$[?(@.id == '%s')].gender", submitted.questionId()).value("female"))
                .andExpect(jsonPath("$[?(@.id == '%s')].specialty", submitted.questionId()).value("DERMATOLOGY"));
        assertThat(items.find(submitted.questionId()).orElseThrow().status()).isEqualTo(QueueItem.Status.OPEN);
    }

    @Test
    void queueListsOverdueThenEscalatedThenUrgentThenOldestAndOnlyTheDoctorsSpecialties() throws Exception {
        Doctor doctor = scenario.doctor("Eye", Specialty.OPHTHALMOLOGY);
        Instant now = Instant.now();
        QuestionSubmitted oldest = scenario.openQuestion(Specialty.OPHTHALMOLOGY);
        QuestionSubmitted urgent = submitted(true);
        QuestionSubmitted escalated = submitted(false);
        QuestionSubmitted overdue = submitted(false);
        route(urgent, RoutedBy.PATIENT, 50, now.plus(Duration.ofHours(24)));
        route(escalated, RoutedBy.ESCALATED, 60, now.plus(Duration.ofHours(24)));
        route(overdue, RoutedBy.OVERDUE, 10, now.minus(Duration.ofMinutes(1)));
        QuestionSubmitted elsewhere = scenario.openQuestion(Specialty.UROLOGY);
        for (QuestionSubmitted question : new QuestionSubmitted[] {urgent, escalated, overdue}) {
            await().atMost(Duration.ofSeconds(30)).until(() -> items.find(question.questionId())
                    .filter(QueueItem::visible).isPresent());
        }

        mvc.perform(get("/api/queue").with(httpBasic(doctor.username(), Scenario.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].id").value(overdue.questionId().toString()))
                .andExpect(jsonPath("$[0].overdue").value(true))
                .andExpect(jsonPath("$[1].id").value(escalated.questionId().toString()))
                .andExpect(jsonPath("$[2].id").value(urgent.questionId().toString()))
                .andExpect(jsonPath("$[2].urgent").value(true))
                .andExpect(jsonPath("$[3].id").value(oldest.questionId().toString()))
                .andExpect(jsonPath("$[3].dueAt").exists())
                .andExpect(jsonPath("$[?(@.id == '%s')]", elsewhere.questionId()).isEmpty());
    }

    private QuestionSubmitted submitted(boolean urgent) {
        QuestionSubmitted q = Fixtures.questionSubmitted(Specialty.OPHTHALMOLOGY);
        QuestionSubmitted submitted = new QuestionSubmitted(q.eventId(), q.questionId(), q.occurredAt(), q.nickname(),
                q.ageRange(), q.gender(), q.requestedSpecialty(), q.title(), q.body(), q.language(),
                q.consentToPublish(), q.trackingUrl(), q.contactEmail(), urgent);
        kafka.send(submitted);
        return submitted;
    }

    private void route(QuestionSubmitted question, RoutedBy routedBy, int priority, Instant claimDueAt) {
        kafka.send(new QuestionRouted(UUID.randomUUID(), question.questionId(), Instant.now(),
                Specialty.OPHTHALMOLOGY, routedBy, priority, claimDueAt, claimDueAt.plus(Duration.ofHours(48))));
    }

    @Test
    void aDuplicateRoutedEventChangesNothing() throws Exception {
        Doctor doctor = scenario.doctor("Heart", Specialty.CARDIOLOGY);
        QuestionSubmitted submitted = Fixtures.questionSubmitted(Specialty.CARDIOLOGY);
        QuestionRouted routed = Fixtures.questionRouted(submitted.questionId(), Specialty.CARDIOLOGY);
        kafka.send(submitted);
        kafka.send(routed);
        scenario.awaitStatus(submitted.questionId(), QueueItem.Status.OPEN);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                items.find(submitted.questionId()).filter(QueueItem::visible).isPresent());
        mvc.perform(post("/api/questions/{id}/claim", submitted.questionId())
                .with(httpBasic(doctor.username(), Scenario.PASSWORD))).andExpect(status().isOk());

        Instant queuedAt = items.find(submitted.questionId()).orElseThrow().queuedAt();

        kafka.send(routed);
        // a later record of the same partition is consumed after the duplicate
        UUID marker = scenario.questionOnSamePartitionAs(submitted.questionId());
        kafka.send(Fixtures.questionRouted(marker, Specialty.CARDIOLOGY));
        scenario.awaitStatus(marker, QueueItem.Status.OPEN);

        QueueItem item = items.find(submitted.questionId()).orElseThrow();
        assertThat(item.status()).isEqualTo(QueueItem.Status.CLAIMED);
        assertThat(item.claimedBy()).isEqualTo(doctor.id());
        assertThat(item.queuedAt()).isEqualTo(queuedAt);
    }

    @Test
    void anEscalationAfterTheClaimPutsTheQuestionBackInTheQueue() throws Exception {
        Doctor doctor = scenario.doctor("Lung", Specialty.CHEST_MEDICINE);
        UUID id = scenario.openQuestion(Specialty.CHEST_MEDICINE).questionId();
        mvc.perform(post("/api/questions/{id}/claim", id).with(httpBasic(doctor.username(), Scenario.PASSWORD)))
                .andExpect(status().isOk());

        Instant now = Instant.now();
        kafka.send(new QuestionRouted(UUID.randomUUID(), id, now, Specialty.CHEST_MEDICINE, RoutedBy.ESCALATED, 80,
                now, now.plus(Duration.ofHours(24))));

        scenario.awaitStatus(id, QueueItem.Status.OPEN);
        QueueItem item = items.find(id).orElseThrow();
        assertThat(item.claimedBy()).isNull();
        assertThat(item.priority()).isEqualTo(80);
        assertThat(item.routedBy()).isEqualTo("ESCALATED");
    }

    @Test
    void malformedRecordsAreDeadLetteredAndLaterRecordsStillFlow() {
        String key = UUID.randomUUID().toString();
        kafka.sendRaw(Topics.QUESTION_ROUTED, key, "not json".getBytes(StandardCharsets.UTF_8));
        kafka.sendRaw(Topics.QUESTION_SUBMITTED, key, "{\"title\":".getBytes(StandardCharsets.UTF_8));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(kafka.records(Topics.deadLetter(Topics.QUESTION_ROUTED), key)).hasSize(1);
            assertThat(kafka.records(Topics.deadLetter(Topics.QUESTION_SUBMITTED), key)).hasSize(1);
        });
        assertThat(scenario.openQuestion(Specialty.NEUROLOGY)).isNotNull();
    }
}
