package io.askflow.workflow.lifecycle;

import static io.askflow.workflow.lifecycle.QuestionProcessFixture.reroute;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;

import io.askflow.events.NotificationKind;
import io.askflow.events.NotificationRequested;
import io.askflow.events.QuestionRouted;
import io.askflow.events.QuestionSubmitted;
import io.askflow.events.QuestionWithdrawn;
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
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Routing on the real engine: the classifier's suggestion through the DMN, triage and "wrong specialty" re-routes,
 * withdrawal, and a routing step that keeps failing. No job executor; the engine's clock is moved.
 */
@AskflowIntegrationTest(properties = "camunda.bpm.job-execution.enabled=false")
@DirtiesContext
class QuestionRoutingProcessTest {

    /** Text that names no specialty: routing sends it to triage. */
    private static final String VAGUE_TITLE = "A question for a doctor";
    private static final String VAGUE_BODY = "Hello, I would like to ask something about my situation, thank you.";
    private static final Duration A_MINUTE = Duration.ofMinutes(1);

    @RegisterExtension final QuestionProcessFixture process = QuestionProcessFixture.withClockFrozen();

    @Autowired ProcessEngine engine;
    @Autowired QuestionLifecycle lifecycle;
    @Autowired Timeline timeline;
    @Autowired KafkaProbe kafka;

    @Test
    void questionWithoutAChoiceGoesWhereTheConfidentClassifierSendsIt() {
        QuestionSubmitted submitted = Fixtures.questionSubmitted(null);            // Bell's palsy, in title and body
        ProcessInstance question = process.routed(submitted);

        assertThat(question).hasPassedInOrder(Ids.SUGGEST_SPECIALTY, Ids.ROUTE_TO_SPECIALTY)
                .isWaitingAt(Ids.WAIT_FOR_CLAIM).variables()
                .containsEntry(Var.SUGGESTED_SPECIALTY, "NEUROLOGY")
                .containsEntry(Var.CLASSIFIER_THRESHOLD, 0.5)
                .containsEntry(Var.SPECIALTY, "NEUROLOGY")
                .containsEntry(Var.ROUTED_BY, "CLASSIFIER")
                .doesNotContainKey(Var.BODY);
        assertThat((Double) engine.getRuntimeService().getVariable(question.getId(), Var.SUGGESTION_CONFIDENCE))
                .isGreaterThanOrEqualTo(0.5);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                kafka.events(QuestionRouted.class, submitted.questionId())).singleElement().satisfies(routed -> {
                    assertThat(routed.specialty()).isEqualTo(Specialty.NEUROLOGY);
                    assertThat(routed.routedBy()).isEqualTo(RoutedBy.CLASSIFIER);
                }));
    }

    @Test
    void thePatientsChoiceWinsOverTheClassifier() {
        ProcessInstance question = process.routed(Fixtures.questionSubmitted(Specialty.OTOLARYNGOLOGY));

        assertThat(question).variables().containsEntry(Var.SUGGESTED_SPECIALTY, "NEUROLOGY")
                .containsEntry(Var.SPECIALTY, "OTOLARYNGOLOGY").containsEntry(Var.ROUTED_BY, "PATIENT");
    }

    @Test
    void vagueTextGoesToGeneralMedicineTriageByTheRule() {
        ProcessInstance question = process.routed(asked(null, VAGUE_TITLE, VAGUE_BODY));

        assertThat(question).variables().containsEntry(Var.SPECIALTY, "GENERAL_MEDICINE")
                .containsEntry(Var.ROUTED_BY, "RULE");
    }

    @Test
    void emojiAndFiveThousandCharactersOfAnyScriptNeverFailRouting() {
        String title = "🤒🤒 help 🙏";
        StringBuilder body = new StringBuilder();
        String[] pieces = {"😭", " ", "頭痛", "مرحبا", "é", "\u0301", "ｆｕｌｌ", "\u200d", "👨‍👩‍👧", "\t", "!!", "dizzy "};
        for (int i = 0; body.codePointCount(0, body.length()) < 5000; i++) {
            body.append(pieces[i % pieces.length]);
        }
        ProcessInstance emojiOnly = process.routed(asked(null, "🤒🤒🤒", "😭😭😭 🙏🙏"));
        ProcessInstance long_ = process.routed(asked(null, title, body.toString()));

        assertThat(emojiOnly).isWaitingAt(Ids.WAIT_FOR_CLAIM).variables()
                .containsEntry(Var.SPECIALTY, "GENERAL_MEDICINE").containsEntry(Var.ROUTED_BY, "RULE");
        assertThat(long_).isWaitingAt(Ids.WAIT_FOR_CLAIM).variables().containsKey(Var.SPECIALTY);
        assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(long_.getId()).count()).isZero();
    }

    @Test
    void triageDoctorReroutesAndTheQuestionKeepsItsPlaceInTime() {
        QuestionSubmitted submitted = asked(null, VAGUE_TITLE, VAGUE_BODY);
        UUID questionId = submitted.questionId();
        ProcessInstance question = process.routed(submitted);
        Instant routedAt = process.clockFrozenAt();
        Date claimDue = job(Ids.CLAIM_DEADLINE_REACHED, question).getDuedate();
        Instant reroutedAt = routedAt.plus(Duration.ofHours(2));
        process.moveClockTo(reroutedAt);

        assertThat(lifecycle.rerouted(reroute(questionId, Specialty.GENERAL_MEDICINE, Specialty.DERMATOLOGY,
                "rash on both arms"))).isEqualTo(Rerouting.REROUTED);

        assertThat(question).hasPassedInOrder(Ids.REROUTE_REQUESTED_WHILE_QUEUED, Ids.REROUTED, Ids.REQUEUE_REROUTED)
                .isWaitingAt(Ids.WAIT_FOR_CLAIM).variables()
                .containsEntry(Var.SPECIALTY, "DERMATOLOGY").containsEntry(Var.ROUTED_BY, "TRIAGE");
        assertThat(job(Ids.CLAIM_DEADLINE_REACHED, question).getDuedate()).isEqualTo(claimDue);
        assertThat(job(Ids.CLAIM_HALF_TIME_REACHED, question).getDuedate())
                .isEqualTo(Date.from(routedAt.plus(Duration.ofHours(12))));
        TimelineEntry rerouted = timeline.of(questionId).get(2);
        assertThat(rerouted.step()).isEqualTo(Step.REROUTED);
        assertThat(rerouted.at()).isEqualTo(reroutedAt);
        assertThat(rerouted.detail()).isEqualTo("General Medicine -> Dermatology by Dr. Lin: rash on both arms");
        assertThat(timeline.of(questionId).get(0).at()).as("asked when it was asked")
                .isCloseTo(submitted.occurredAt(), within(1, ChronoUnit.MICROS));

        assertThat(lifecycle.rerouted(reroute(questionId, Specialty.DERMATOLOGY, Specialty.DERMATOLOGY, null)))
                .as("to where it is already").isEqualTo(Rerouting.SAME_SPECIALTY);
        assertThat(lifecycle.rerouted(reroute(questionId, Specialty.GENERAL_MEDICINE, Specialty.UROLOGY, null)))
                .as("from where it no longer is").isEqualTo(Rerouting.STALE);
        assertThat(timeline.of(questionId)).extracting(TimelineEntry::step)
                .containsExactly(Step.ASKED, Step.ROUTED, Step.REROUTED);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            var routed = kafka.events(QuestionRouted.class, questionId);
            assertThat(routed).extracting(QuestionRouted::specialty)
                    .containsExactly(Specialty.GENERAL_MEDICINE, Specialty.DERMATOLOGY);
            assertThat(routed).extracting(QuestionRouted::routedBy).containsExactly(RoutedBy.RULE, RoutedBy.TRIAGE);
            assertThat(routed.get(1).claimDueAt()).isEqualTo(routed.get(0).claimDueAt())
                    .isEqualTo(claimDue.toInstant());
            assertThat(routed.get(1).replyDueAt()).isEqualTo(routed.get(0).replyDueAt());
            assertThat(routed.get(1).priority()).isEqualTo(Priorities.NORMAL);
        });

        lifecycle.claimed(Fixtures.questionClaimed(questionId, Specialty.DERMATOLOGY));
        lifecycle.replied(Fixtures.replyPosted(questionId, Specialty.DERMATOLOGY));
        assertThat(lifecycle.rerouted(reroute(questionId, Specialty.DERMATOLOGY, Specialty.UROLOGY, null)))
                .as("after the reply").isEqualTo(Rerouting.NOT_WAITING);
        assertThat(question).isWaitingAt(Ids.WAIT_FOR_ENRICHMENT);
    }

    @Test
    void doctorHoldingTheQuestionSendsItToTheRightSpecialtyAndItsClaimEnds() {
        QuestionSubmitted submitted = Fixtures.questionSubmitted(Specialty.NEUROLOGY);
        UUID questionId = submitted.questionId();
        ProcessInstance question = process.claimed(submitted);
        assertThat(question).isWaitingAt(Ids.WAIT_FOR_REPLY);

        assertThat(lifecycle.rerouted(reroute(questionId, Specialty.NEUROLOGY, Specialty.OTOLARYNGOLOGY,
                "ear infection, not a nerve palsy"))).isEqualTo(Rerouting.REROUTED);

        assertThat(question).hasPassed(Ids.REROUTE_REQUESTED_WHILE_CLAIMED, Ids.REROUTED)
                .isWaitingAt(Ids.WAIT_FOR_CLAIM).variables().containsEntry(Var.SPECIALTY, "OTOLARYNGOLOGY");
        assertThat(job(Ids.REPLY_DEADLINE_REACHED, question)).isNull();
        assertThat(lifecycle.claimed(Fixtures.questionClaimed(questionId, Specialty.OTOLARYNGOLOGY))).isTrue();
        assertThat(timeline.of(questionId)).extracting(TimelineEntry::step).containsExactly(Step.ASKED,
                Step.ROUTED, Step.CLAIMED, Step.REROUTED, Step.CLAIMED);
    }

    @Test
    void overdueQuestionKeepsItsPriorityAfterAReRouteAndIsNotOverdueTwice() {
        QuestionSubmitted submitted = Fixtures.questionSubmitted(Specialty.NEUROLOGY);
        UUID questionId = submitted.questionId();
        ProcessInstance question = process.routed(submitted);
        process.moveClockTo(process.clockFrozenAt().plus(Duration.ofHours(24)).plus(A_MINUTE));
        execute(job(Ids.CLAIM_DEADLINE_REACHED, question));
        assertThat(question).hasPassed(Ids.OVERDUE);

        lifecycle.rerouted(reroute(questionId, Specialty.NEUROLOGY, Specialty.INTERNAL_MEDICINE, null));
        execute(job(Ids.CLAIM_DEADLINE_REACHED, question));                    // re-armed with its past date

        assertThat(question).hasPassed(Ids.OVERDUE_SKIPPED).isWaitingAt(Ids.WAIT_FOR_CLAIM);
        assertThat(timeline.of(questionId)).extracting(TimelineEntry::step).containsExactly(Step.ASKED,
                Step.ROUTED, Step.OVERDUE, Step.REROUTED);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(kafka.events(QuestionRouted.class, questionId)).last().satisfies(routed -> {
                assertThat(routed.routedBy()).isEqualTo(RoutedBy.TRIAGE);
                assertThat(routed.specialty()).isEqualTo(Specialty.INTERNAL_MEDICINE);
                assertThat(routed.priority()).isEqualTo(Priorities.OVERDUE);
            });
            assertThat(kafka.events(NotificationRequested.class, questionId))
                    .filteredOn(n -> n.kind() == NotificationKind.DELAYED).hasSize(1);
        });
    }

    @Test
    void unclaimedQuestionWithdrawnEndsWithNoMoreRemindersOrDeadlines() {
        QuestionSubmitted submitted = Fixtures.questionSubmitted(Specialty.NEUROLOGY);
        UUID questionId = submitted.questionId();
        ProcessInstance question = process.routed(submitted);
        Instant withdrawnAt = process.clockFrozenAt().plus(Duration.ofHours(1));
        process.moveClockTo(withdrawnAt);

        assertThat(lifecycle.withdrawn(new QuestionWithdrawn(UUID.randomUUID(), questionId, withdrawnAt))).isTrue();

        assertThat(question).isEnded().hasPassedInOrder(Ids.QUESTION_WITHDRAWN, Ids.WITHDRAWN, Ids.QUESTION_CLOSED);
        assertThat(engine.getManagementService().createJobQuery().processInstanceId(question.getId()).count())
                .as("no reminder or claim deadline left").isZero();
        TimelineEntry withdrawn = timeline.of(questionId).get(2);
        assertThat(withdrawn.step()).isEqualTo(Step.WITHDRAWN);
        assertThat(withdrawn.at()).isEqualTo(withdrawnAt);
        assertThat(lifecycle.withdrawn(new QuestionWithdrawn(UUID.randomUUID(), questionId, withdrawnAt))).isFalse();
    }

    @Test
    void withdrawalThatCrossesTheClaimEndsTheQuestionWithNoReplyDeadline() {
        QuestionSubmitted submitted = Fixtures.questionSubmitted(Specialty.NEUROLOGY);
        UUID questionId = submitted.questionId();
        ProcessInstance question = process.claimed(submitted);
        Instant withdrawnAt = process.clockFrozenAt().plus(Duration.ofMinutes(5));
        process.moveClockTo(withdrawnAt);

        assertThat(lifecycle.withdrawn(new QuestionWithdrawn(UUID.randomUUID(), questionId, withdrawnAt))).isTrue();

        assertThat(question).isEnded()
                .hasPassedInOrder(Ids.CLAIMED, Ids.QUESTION_WITHDRAWN_WHILE_CLAIMED, Ids.WITHDRAWN, Ids.QUESTION_CLOSED)
                .hasNotPassed(Ids.REPLIED);
        assertThat(engine.getManagementService().createJobQuery().processInstanceId(question.getId()).count())
                .as("no reply deadline left").isZero();
        assertThat(timeline.of(questionId)).extracting(TimelineEntry::step)
                .containsExactly(Step.ASKED, Step.ROUTED, Step.CLAIMED, Step.WITHDRAWN);
        assertThat(lifecycle.withdrawn(new QuestionWithdrawn(UUID.randomUUID(), questionId, withdrawnAt))).isFalse();
    }

    @Test
    void failingRoutingIsRetriedABoundedNumberOfTimesThenRaisesAnIncident() {
        QuestionSubmitted submitted = Fixtures.questionSubmitted(Specialty.NEUROLOGY);
        ProcessInstance question = process.start(submitted);
        engine.getRuntimeService().setVariable(question.getId(), Var.REQUESTED_SPECIALTY, "NO_SUCH_SPECIALTY");

        int attempts = 0;
        for (Job routing = job(Ids.ROUTE_TO_SPECIALTY, question); routing.getRetries() > 0 && attempts < 10;
             routing = job(Ids.ROUTE_TO_SPECIALTY, question)) {
            attempts++;
            String jobId = routing.getId();
            assertThatThrownBy(() -> engine.getManagementService().executeJob(jobId))
                    .hasMessageContaining("NO_SUCH_SPECIALTY");
        }

        assertThat(attempts).as("R3 in camunda.bpm.generic-properties failed-job-retry-time-cycle").isEqualTo(3);
        Incident incident = engine.getRuntimeService().createIncidentQuery().processInstanceId(question.getId())
                .singleResult();
        assertThat(incident.getIncidentType()).isEqualTo(Incident.FAILED_JOB_HANDLER_TYPE);
        assertThat(incident.getActivityId()).isEqualTo(Ids.ROUTE_TO_SPECIALTY);
        assertThat(incident.getIncidentMessage()).contains("NO_SUCH_SPECIALTY");
        assertThat(question).isWaitingAt(Ids.ROUTE_TO_SPECIALTY).hasNotPassed(Ids.ROUTED);
        assertThat(timeline.of(submitted.questionId())).extracting(TimelineEntry::step).containsExactly(Step.ASKED);
    }

    private static QuestionSubmitted asked(Specialty requested, String title, String body) {
        QuestionSubmitted f = Fixtures.questionSubmitted(requested);
        return new QuestionSubmitted(f.eventId(), f.questionId(), f.occurredAt(), f.nickname(), f.ageRange(),
                f.gender(), requested, title, body, f.language(), f.consentToPublish(), f.trackingUrl(),
                f.contactEmail(), f.urgent());
    }
}
