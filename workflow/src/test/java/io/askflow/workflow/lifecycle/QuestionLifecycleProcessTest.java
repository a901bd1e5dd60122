package io.askflow.workflow.lifecycle;

import static io.askflow.workflow.lifecycle.QuestionProcessFixture.released;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;

import io.askflow.events.NotificationFailed;
import io.askflow.events.NotificationKind;
import io.askflow.events.NotificationRequested;
import io.askflow.events.NotificationSent;
import io.askflow.events.QuestionClaimed;
import io.askflow.events.QuestionProgressed;
import io.askflow.events.QuestionRouted;
import io.askflow.events.QuestionSubmitted;
import io.askflow.events.ReplyEnriched;
import io.askflow.events.ReplyPosted;
import io.askflow.events.RoutedBy;
import io.askflow.events.Specialty;
import io.askflow.events.Step;
import io.askflow.testsupport.AskflowIntegrationTest;
import io.askflow.testsupport.Fixtures;
import io.askflow.testsupport.KafkaProbe;
import io.askflow.workflow.lifecycle.Ids.Var;
import io.askflow.workflow.timeline.Timeline;
import io.askflow.workflow.timeline.TimelineEntry;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The process on the real engine and PostgreSQL, driven step by step: no job executor (the test runs each job),
 * the engine's clock moved instead of waiting. The context is closed afterwards, so no other test's job executor
 * takes these jobs.
 */
@AskflowIntegrationTest(properties = "camunda.bpm.job-execution.enabled=false")
@DirtiesContext
class QuestionLifecycleProcessTest {

    @RegisterExtension final QuestionProcessFixture process = QuestionProcessFixture.withClockRunning();

    @Autowired ProcessEngine engine;
    @Autowired QuestionLifecycle lifecycle;
    @Autowired Timeline timeline;
    @Autowired KafkaProbe kafka;
    @Autowired JdbcTemplate jdbc;
    @Autowired PlatformTransactionManager transactionManager;

    @Test
    void answeredQuestionPassesEveryStepInOrder() {
        QuestionSubmitted submitted = Fixtures.questionSubmitted(Specialty.NEUROLOGY);
        UUID questionId = submitted.questionId();
        ProcessInstance question = process.start(submitted);

        assertThat(question).isWaitingAt(Ids.ROUTE_TO_SPECIALTY).hasPassed(Ids.ASKED, Ids.REQUEST_RECEIVED_MAIL);
        execute(job(Ids.ROUTE_TO_SPECIALTY, question));
        assertThat(question).isWaitingAt(Ids.WAIT_FOR_CLAIM).variables()
                .containsEntry(Var.SPECIALTY, "NEUROLOGY").containsEntry(Var.ROUTED_BY, "PATIENT")
                .as("the tracking link opens the patient's question: Cockpit shows variables, so it is none")
                .doesNotContainValue(submitted.trackingUrl());

        QuestionClaimed claim = Fixtures.questionClaimed(questionId, Specialty.NEUROLOGY);
        assertThat(lifecycle.claimed(claim)).isTrue();
        assertThat(question).isWaitingAt(Ids.WAIT_FOR_REPLY);
        ReplyPosted reply = Fixtures.replyPosted(questionId, Specialty.NEUROLOGY);
        assertThat(lifecycle.replied(reply)).isTrue();
        assertThat(question).isWaitingAt(Ids.WAIT_FOR_ENRICHMENT);
        ReplyEnriched enriched = Fixtures.replyEnriched(questionId, reply.replyId());
        assertThat(lifecycle.enriched(enriched)).isTrue();
        assertThat(question).isWaitingAt(Ids.WAIT_FOR_ANSWERED_MAIL);

        UUID answered = answeredMailId(question);
        assertThat(lifecycle.answeredMailSent(sent(questionId, UUID.randomUUID(), NotificationKind.RECEIVED)))
                .as("another mail's notification.sent").isFalse();
        NotificationSent answeredSent = sent(questionId, answered, NotificationKind.ANSWERED);
        assertThat(lifecycle.answeredMailSent(answeredSent)).isTrue();

        assertThat(question).isEnded().hasPassedInOrder(Ids.ASKED, Ids.ROUTED, Ids.CLAIMED, Ids.REPLIED,
                Ids.ENRICHED, Ids.NOTIFIED);
        assertThat(timeline.of(questionId)).extracting(TimelineEntry::step).containsExactly(Step.ASKED,
                Step.ROUTED, Step.CLAIMED, Step.REPLIED, Step.ENRICHED, Step.NOTIFIED);
        assertThat(timeline.of(questionId).get(0).at())
                .isCloseTo(submitted.occurredAt(), within(1, ChronoUnit.MICROS)); // timestamptz: microseconds
        assertThat(timeline.of(questionId)).extracting(TimelineEntry::at).isSorted();
        assertThat(timeline.of(questionId).subList(2, 6)).extracting(TimelineEntry::at)
                .as("dated by the events that led to them, as question-service dates them")
                .containsExactly(micros(claim.occurredAt()), micros(reply.occurredAt()),
                        micros(enriched.occurredAt()), micros(answeredSent.occurredAt()));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(timeline.of(questionId).get(1).at()).as("ROUTED: question.routed's date")
                    .isEqualTo(micros(kafka.events(QuestionRouted.class, questionId).get(0).occurredAt()));
            assertThat(kafka.events(NotificationRequested.class, questionId))
                    .extracting(NotificationRequested::kind)
                    .containsExactlyInAnyOrder(NotificationKind.RECEIVED, NotificationKind.ANSWERED);
            NotificationRequested mail = kafka.events(NotificationRequested.class, questionId).stream()
                    .filter(n -> n.kind() == NotificationKind.ANSWERED).findFirst().orElseThrow();
            assertThat(mail.notificationId()).isEqualTo(answered);
            assertThat(mail.doctorName()).isEqualTo("Dr. Ye");
            assertThat(mail.questionTitle()).isEqualTo(submitted.title());
            assertThat(mail.trackingUrl()).as("notification-service has the link from the question's contact").isNull();
            assertThat(reply.body()).startsWith(mail.replyExcerpt());
            assertThat(kafka.events(QuestionProgressed.class, questionId)).extracting(QuestionProgressed::step)
                    .as("the other steps travel as the events that led to them").containsExactly(Step.ASKED);
        });
    }

    @Test
    void releasedQuestionGoesBackToTheQueueWithItsDueDatesAndIsClaimedAgain() {
        QuestionSubmitted submitted = Fixtures.questionSubmitted(Specialty.DERMATOLOGY);
        UUID questionId = submitted.questionId();
        ProcessInstance question = process.claimed(submitted);
        process.moveClockTo(Instant.now().plus(Duration.ofHours(1)));

        assertThat(lifecycle.released(released(questionId, Specialty.DERMATOLOGY, "on leave"))).isTrue();
        assertThat(question).isWaitingAt(Ids.WAIT_FOR_CLAIM).hasPassed(Ids.RELEASED, Ids.REQUEUE_QUESTION);

        assertThat(lifecycle.claimed(Fixtures.questionClaimed(questionId, Specialty.DERMATOLOGY))).isTrue();
        assertThat(question).isWaitingAt(Ids.WAIT_FOR_REPLY);
        assertThat(lifecycle.replied(Fixtures.replyPosted(questionId, Specialty.DERMATOLOGY))).isTrue();
        assertThat(question).isWaitingAt(Ids.WAIT_FOR_ENRICHMENT);

        assertThat(timeline.of(questionId)).extracting(TimelineEntry::step).containsExactly(Step.ASKED,
                Step.ROUTED, Step.CLAIMED, Step.RELEASED, Step.CLAIMED, Step.REPLIED);
        assertThat(timeline.of(questionId).get(3).detail()).isEqualTo("Dr. Ye: on leave");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            var routed = kafka.events(QuestionRouted.class, questionId);
            assertThat(routed).hasSize(2);
            assertThat(routed).extracting(QuestionRouted::specialty).containsOnly(Specialty.DERMATOLOGY);
            assertThat(routed).extracting(QuestionRouted::routedBy).containsOnly(RoutedBy.PATIENT);
            assertThat(routed.get(1).claimDueAt()).isEqualTo(routed.get(0).claimDueAt());
            assertThat(routed.get(1).replyDueAt()).isEqualTo(routed.get(0).replyDueAt());
            assertThat(Duration.between(routed.get(0).occurredAt(), routed.get(0).claimDueAt()))
                    .isEqualTo(Duration.ofHours(24));
        });
    }

    @Test
    void replyAcceptedByReplyServiceCompletesAQuestionBackInTheQueue() {
        QuestionSubmitted submitted = Fixtures.questionSubmitted(Specialty.NEUROLOGY);
        UUID questionId = submitted.questionId();
        ProcessInstance question = process.claimed(submitted);
        lifecycle.released(released(questionId, Specialty.NEUROLOGY, null));
        assertThat(question).isWaitingAt(Ids.WAIT_FOR_CLAIM);

        assertThat(lifecycle.replied(Fixtures.replyPosted(questionId, Specialty.NEUROLOGY))).isTrue();

        assertThat(question).hasPassed(Ids.REPLY_POSTED_WHILE_QUEUED, Ids.REPLIED)
                .isWaitingAt(Ids.WAIT_FOR_ENRICHMENT);
    }

    @Test
    void enrichmentThatDoesNotComeInTimeIsRecordedEmptyAndTheAnswerGoesOut() {
        QuestionSubmitted submitted = Fixtures.questionSubmitted(Specialty.NEUROLOGY);
        UUID questionId = submitted.questionId();
        ProcessInstance question = process.claimed(submitted);
        ReplyPosted reply = replyTo(submitted);
        assertThat(question).isWaitingAt(Ids.WAIT_FOR_ENRICHMENT);
        assertThat(job(Ids.ENRICHMENT_TIMED_OUT, question).getDuedate())
                .isCloseTo(Instant.now().plus(Duration.ofMinutes(2)).toString(), 10_000);

        Instant timedOutAt = Instant.now().plus(Duration.ofMinutes(2).plusSeconds(1)).truncatedTo(ChronoUnit.MILLIS);
        process.moveClockTo(timedOutAt);
        execute(job(Ids.ENRICHMENT_TIMED_OUT, question));

        assertThat(question).hasPassed(Ids.ENRICHED_WITHOUT_RESULTS).hasNotPassed(Ids.ENRICHED)
                .isWaitingAt(Ids.WAIT_FOR_ANSWERED_MAIL);
        TimelineEntry enriched = timeline.of(questionId).get(4);
        assertThat(enriched.step()).isEqualTo(Step.ENRICHED);
        assertThat(enriched.at()).isEqualTo(timedOutAt);
        assertThat(enriched.detail()).isEqualTo("empty enrichment: no reply.enriched within 2m");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(kafka.events(QuestionProgressed.class, questionId))
                        .as("no reply.enriched tells question-service: published")
                        .filteredOn(progressed -> progressed.step() == Step.ENRICHED).singleElement()
                        .extracting(QuestionProgressed::at).isEqualTo(timedOutAt));
        assertThat(lifecycle.enriched(Fixtures.replyEnriched(questionId, reply.replyId())))
                .as("a late reply.enriched finds no wait").isFalse();
    }

    @Test
    void stepsEventsAndTheProcessCommitOrRollBackTogether() {
        QuestionSubmitted submitted = Fixtures.questionSubmitted(Specialty.NEUROLOGY);
        String questionId = submitted.questionId().toString();
        String outbox = "select count(*) from event_publication where serialized_event like ?";

        new TransactionTemplate(transactionManager).executeWithoutResult(transaction -> {
            lifecycle.start(submitted);
            assertThat(jdbc.queryForObject(outbox, Long.class, "%" + questionId + "%"))
                    .as("RECEIVED mail and ASKED step in this transaction's outbox").isEqualTo(2);
            assertThat(engine.getRuntimeService().createProcessInstanceQuery()
                    .processInstanceBusinessKey(questionId).count()).isOne();
            transaction.setRollbackOnly();
        });

        assertThat(jdbc.queryForObject(outbox, Long.class, "%" + questionId + "%")).isZero();
        assertThat(engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey(questionId).count()).isZero();
        assertThat(timeline.of(submitted.questionId())).isEmpty();
    }

    @Test
    void failedAnsweredMailRaisesAnIncidentAndTheQuestionKeepsWaiting() {
        QuestionSubmitted submitted = Fixtures.questionSubmitted(Specialty.NEUROLOGY);
        UUID questionId = submitted.questionId();
        ProcessInstance question = process.claimed(submitted);
        ReplyPosted reply = replyTo(submitted);
        lifecycle.enriched(Fixtures.replyEnriched(questionId, reply.replyId()));
        UUID answered = answeredMailId(question);

        assertThat(lifecycle.answeredMailFailed(new NotificationFailed(UUID.randomUUID(), questionId, Instant.now(),
                answered, NotificationKind.ANSWERED, 5, "550 mailbox unavailable"))).isTrue();

        assertThat(question).isWaitingAt(Ids.WAIT_FOR_ANSWERED_MAIL);
        assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(question.getId())
                .incidentType(QuestionLifecycle.FAILED_NOTIFICATION_INCIDENT).singleResult().getIncidentMessage())
                .contains("550 mailbox unavailable");
    }

    /** The doctor who claimed the question replies, in the specialty the patient chose. */
    private ReplyPosted replyTo(QuestionSubmitted submitted) {
        ReplyPosted reply = Fixtures.replyPosted(submitted.questionId(), submitted.requestedSpecialty());
        lifecycle.replied(reply);
        return reply;
    }

    /** The notification id the process gave the ANSWERED mail it requested. */
    private UUID answeredMailId(ProcessInstance question) {
        return UUID.fromString((String) engine.getRuntimeService()
                .getVariable(question.getId(), Var.ANSWERED_NOTIFICATION_ID));
    }

    /** How PostgreSQL keeps an instant (timestamptz: microseconds, rounded). */
    private static Instant micros(Instant instant) {
        return instant.plusNanos(500).truncatedTo(ChronoUnit.MICROS);
    }

    private static NotificationSent sent(UUID questionId, UUID notificationId, NotificationKind kind) {
        return new NotificationSent(UUID.randomUUID(), questionId, Instant.now(), notificationId, kind, 1);
    }
}
