package io.askflow.workflow.lifecycle;

import static io.askflow.workflow.lifecycle.QuestionProcessFixture.released;
import static io.askflow.workflow.lifecycle.QuestionProcessFixture.reroute;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;

import io.askflow.events.NotificationKind;
import io.askflow.events.NotificationRequested;
import io.askflow.events.QuestionRouted;
import io.askflow.events.QuestionSubmitted;
import io.askflow.events.RoutedBy;
import io.askflow.events.Specialty;
import io.askflow.events.Step;
import io.askflow.testsupport.AskflowIntegrationTest;
import io.askflow.testsupport.Fixtures;
import io.askflow.testsupport.KafkaProbe;
import io.askflow.workflow.lifecycle.Ids.Var;
import io.askflow.workflow.lifecycle.QuestionLifecycle.Rerouting;
import io.askflow.workflow.timeline.Timeline;
import io.askflow.workflow.timeline.TimelineEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;

/** The deadlines of the process (default targets: 24 h to claim, 72 h to reply), with the engine's clock moved. */
@AskflowIntegrationTest(properties = "camunda.bpm.job-execution.enabled=false")
@DirtiesContext
class QuestionDeadlinesProcessTest {

    private static final Duration A_MINUTE = Duration.ofMinutes(1);

    @RegisterExtension final QuestionProcessFixture process = QuestionProcessFixture.withClockFrozen();

    @Autowired ProcessEngine engine;
    @Autowired QuestionLifecycle lifecycle;
    @Autowired Timeline timeline;
    @Autowired KafkaProbe kafka;

    @Test
    void doctorsAreRemindedOnceAtHalfTheClaimTime() {
        QuestionSubmitted submitted = Fixtures.questionSubmitted(Specialty.NEUROLOGY);
        UUID questionId = submitted.questionId();
        ProcessInstance question = process.routed(submitted);
        Instant routedAt = process.clockFrozenAt();
        assertThat(job(Ids.CLAIM_HALF_TIME_REACHED, question).getDuedate())
                .isEqualTo(Date.from(routedAt.plus(Duration.ofHours(12))));

        process.moveClockTo(routedAt.plus(Duration.ofHours(12)).plus(A_MINUTE));
        execute(job(Ids.CLAIM_HALF_TIME_REACHED, question));
        assertThat(question).hasPassed(Ids.REMIND_DOCTORS, Ids.REMINDED).isWaitingAt(Ids.WAIT_FOR_CLAIM);

        lifecycle.claimed(Fixtures.questionClaimed(questionId, Specialty.NEUROLOGY));
        lifecycle.released(released(questionId, Specialty.NEUROLOGY, null));
        execute(job(Ids.CLAIM_HALF_TIME_REACHED, question));                    // re-armed with its past date
        assertThat(question).hasPassed(Ids.REMINDER_SKIPPED).isWaitingAt(Ids.WAIT_FOR_CLAIM);

        assertThat(timeline.of(questionId)).extracting(TimelineEntry::step).containsExactly(Step.ASKED,
                Step.ROUTED, Step.REMINDED, Step.CLAIMED, Step.RELEASED);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                kafka.events(NotificationRequested.class, questionId))
                .filteredOn(n -> n.kind() == NotificationKind.REMINDER)
                .singleElement().satisfies(reminder -> {
                    assertThat(reminder.specialty()).isEqualTo(Specialty.NEUROLOGY);
                    assertThat(reminder.dueAt()).isEqualTo(routedAt.plus(Duration.ofHours(24)));
                }));
    }

    @Test
    void aQuestionReroutedAfterItsReminderRemindsTheNewSpecialtyOnce() {
        QuestionSubmitted submitted = Fixtures.questionSubmitted(Specialty.NEUROLOGY);
        UUID questionId = submitted.questionId();
        ProcessInstance question = process.routed(submitted);
        process.moveClockTo(process.clockFrozenAt().plus(Duration.ofHours(12)).plus(A_MINUTE));
        execute(job(Ids.CLAIM_HALF_TIME_REACHED, question));

        assertThat(lifecycle.rerouted(reroute(questionId, Specialty.NEUROLOGY, Specialty.OTOLARYNGOLOGY,
                "an ear infection"))).isEqualTo(Rerouting.REROUTED);
        execute(job(Ids.CLAIM_HALF_TIME_REACHED, question));                    // re-armed with its past date
        assertThat(question).isWaitingAt(Ids.WAIT_FOR_CLAIM);
        lifecycle.claimed(Fixtures.questionClaimed(questionId, Specialty.OTOLARYNGOLOGY));
        lifecycle.released(released(questionId, Specialty.OTOLARYNGOLOGY, null));
        execute(job(Ids.CLAIM_HALF_TIME_REACHED, question));

        assertThat(question).hasPassed(Ids.REMINDER_SKIPPED).isWaitingAt(Ids.WAIT_FOR_CLAIM);
        assertThat(timeline.of(questionId)).extracting(TimelineEntry::step).containsExactly(Step.ASKED,
                Step.ROUTED, Step.REMINDED, Step.REROUTED, Step.REMINDED, Step.CLAIMED, Step.RELEASED);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                kafka.events(NotificationRequested.class, questionId))
                .filteredOn(n -> n.kind() == NotificationKind.REMINDER).extracting(NotificationRequested::specialty)
                .containsExactly(Specialty.NEUROLOGY, Specialty.OTOLARYNGOLOGY));
    }

    @Test
    void unclaimedQuestionBecomesOverdueAtItsClaimDeadline() {
        QuestionSubmitted submitted = Fixtures.questionSubmitted(Specialty.NEUROLOGY);
        UUID questionId = submitted.questionId();
        ProcessInstance question = process.routed(submitted);
        Instant overdueAt = process.clockFrozenAt().plus(Duration.ofHours(24)).plus(A_MINUTE);

        process.moveClockTo(overdueAt);
        execute(job(Ids.CLAIM_DEADLINE_REACHED, question));

        assertThat(question).hasPassed(Ids.MARK_OVERDUE, Ids.OVERDUE).isWaitingAt(Ids.WAIT_FOR_CLAIM).variables()
                .containsEntry(Var.ROUTED_BY, "OVERDUE");
        TimelineEntry overdue = timeline.of(questionId).get(2);
        assertThat(overdue.step()).isEqualTo(Step.OVERDUE);
        assertThat(overdue.at()).isEqualTo(overdueAt);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(kafka.events(QuestionRouted.class, questionId)).last().satisfies(routed -> {
                assertThat(routed.routedBy()).isEqualTo(RoutedBy.OVERDUE);
                assertThat(routed.priority()).isEqualTo(Priorities.OVERDUE);
            });
            assertThat(kafka.events(NotificationRequested.class, questionId)).extracting(NotificationRequested::kind)
                    .containsExactlyInAnyOrder(NotificationKind.RECEIVED, NotificationKind.DELAYED);
        });
    }

    @Test
    void claimWithoutReplyIsReleasedAtTheReplyDeadlineAndALateReplyStillAnswers() {
        QuestionSubmitted submitted = Fixtures.questionSubmitted(Specialty.NEUROLOGY);
        UUID questionId = submitted.questionId();
        ProcessInstance question = process.claimed(submitted);

        Instant escalatedAt = process.clockFrozenAt().plus(Duration.ofHours(72)).plus(A_MINUTE);
        process.moveClockTo(escalatedAt);
        execute(job(Ids.REPLY_DEADLINE_REACHED, question));

        assertThat(question).hasPassed(Ids.ESCALATE, Ids.ESCALATED).isWaitingAt(Ids.WAIT_FOR_CLAIM);
        TimelineEntry escalated = timeline.of(questionId).get(3);
        assertThat(escalated.step()).isEqualTo(Step.ESCALATED);
        assertThat(escalated.detail()).contains("claim released");
        execute(job(Ids.CLAIM_DEADLINE_REACHED, question));                     // past, but escalated is enough
        assertThat(question).hasPassed(Ids.OVERDUE_SKIPPED).hasNotPassed(Ids.OVERDUE);
        assertThat(job(Ids.CLAIM_HALF_TIME_REACHED, question)).isNotNull();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                kafka.events(QuestionRouted.class, questionId)).last().satisfies(routed -> {
                    assertThat(routed.routedBy()).isEqualTo(RoutedBy.ESCALATED);
                    assertThat(routed.replyDueAt()).isEqualTo(escalatedAt.plus(Duration.ofHours(72)));
                }));

        assertThat(lifecycle.replied(Fixtures.replyPosted(questionId, Specialty.NEUROLOGY))).isTrue();
        assertThat(question).hasPassed(Ids.REPLY_POSTED_WHILE_QUEUED, Ids.REPLIED)
                .isWaitingAt(Ids.WAIT_FOR_ENRICHMENT);
        assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(question.getId()).count())
                .isZero();
    }

    @Test
    void replyBeforeTheEscalationRunsLeavesNothingToEscalate() {
        QuestionSubmitted submitted = Fixtures.questionSubmitted(Specialty.NEUROLOGY);
        UUID questionId = submitted.questionId();
        ProcessInstance question = process.claimed(submitted);
        process.moveClockTo(process.clockFrozenAt().plus(Duration.ofHours(72)));     // the very instant it is due

        assertThat(lifecycle.replied(Fixtures.replyPosted(questionId, Specialty.NEUROLOGY))).isTrue();

        assertThat(job(Ids.REPLY_DEADLINE_REACHED, question)).isNull();
        assertThat(question).hasNotPassed(Ids.ESCALATED).isWaitingAt(Ids.WAIT_FOR_ENRICHMENT);
        assertThat(timeline.of(questionId)).extracting(TimelineEntry::step).containsExactly(Step.ASKED,
                Step.ROUTED, Step.CLAIMED, Step.REPLIED);
    }
}
