package io.askflow.workflow.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;

import io.askflow.events.QuestionSubmitted;
import io.askflow.events.ReplyPosted;
import io.askflow.events.Specialty;
import io.askflow.events.Step;
import io.askflow.testsupport.AskflowIntegrationTest;
import io.askflow.testsupport.Fixtures;
import io.askflow.workflow.lifecycle.Ids;
import io.askflow.workflow.lifecycle.QuestionLifecycle;
import io.askflow.workflow.timeline.Timeline;
import io.askflow.workflow.timeline.TimelineEntry;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;

/**
 * A reply posted in the very instant the reply deadline fires, for real at the same time: one thread runs the
 * escalation's timer job, the other takes the reply.posted event in as the Kafka listener does. Each retries after
 * a conflict as production does (the job executor runs a failed job again while it exists; the inbox retries the
 * event in a new transaction). Whichever commits first wins; the other adapts.
 */
@AskflowIntegrationTest(properties = "camunda.bpm.job-execution.enabled=false")
@DirtiesContext
class ReplyAtTheEscalationInstantTest {

    private static final int ROUNDS = 6;
    private static final int JOB_ATTEMPTS = 5;

    @Autowired ProcessEngine engine;
    @Autowired QuestionLifecycle lifecycle;
    @Autowired ReplyListener replies;
    @Autowired Timeline timeline;

    private final ExecutorService threads = Executors.newFixedThreadPool(2);

    @BeforeEach
    void bindEngine() {
        BpmnAwareTests.init(engine);
    }

    @AfterEach
    void cleanUp() {
        ClockUtil.reset();
        threads.shutdownNow();
    }

    @Test
    void replyInTheInstantOfTheEscalationHasExactlyOneOutcomeAndNoIncident() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            QuestionSubmitted submitted = Fixtures.questionSubmitted(Specialty.NEUROLOGY);
            lifecycle.start(submitted);
            ProcessInstance question = engine.getRuntimeService().createProcessInstanceQuery()
                    .processInstanceBusinessKey(submitted.questionId().toString()).singleResult();
            execute(job(Ids.ROUTE_TO_SPECIALTY, question));
            lifecycle.claimed(Fixtures.questionClaimed(submitted.questionId(), Specialty.NEUROLOGY));
            Job escalation = job(Ids.REPLY_DEADLINE_REACHED, question);
            ClockUtil.setCurrentTime(escalation.getDuedate());
            ReplyPosted reply = Fixtures.replyPosted(submitted.questionId(), Specialty.NEUROLOGY);

            CyclicBarrier together = new CyclicBarrier(2);
            Future<Boolean> escalated = threads.submit(() -> {
                together.await();
                return runAsTheJobExecutorWould(escalation.getId());
            });
            Future<?> replied = threads.submit(() -> {
                together.await();
                replies.on(reply);
                return null;
            });
            boolean escalationRan = escalated.get(60, TimeUnit.SECONDS);
            replied.get(60, TimeUnit.SECONDS);

            List<Step> steps = timeline.of(submitted.questionId()).stream().map(TimelineEntry::step).toList();
            if (escalationRan) {
                assertThat(steps).as("round %d: escalation first, the reply still answers", round)
                        .containsExactly(Step.ASKED, Step.ROUTED, Step.CLAIMED, Step.ESCALATED, Step.REPLIED);
                assertThat(question).hasPassed(Ids.ESCALATE, Ids.REPLY_POSTED_WHILE_QUEUED);
            } else {
                assertThat(steps).as("round %d: the reply first, nothing to escalate", round)
                        .containsExactly(Step.ASKED, Step.ROUTED, Step.CLAIMED, Step.REPLIED);
                assertThat(question).hasNotPassed(Ids.ESCALATE);
            }
            assertThat(question).isWaitingAt(Ids.WAIT_FOR_ENRICHMENT);
            assertThat(engine.getRuntimeService().createExecutionQuery().processInstanceId(question.getId())
                    .activityId(Ids.WAIT_FOR_ENRICHMENT).count()).as("one token goes on").isOne();
            assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(question.getId()).count())
                    .as("no incident").isZero();
            assertThat(engine.getManagementService().createJobQuery().processInstanceId(question.getId())
                    .withException().count()).as("no failing job").isZero();
            ClockUtil.reset();
        }
    }

    /** @return whether the escalation ran; {@code false} when the reply came first and took its timer away */
    private boolean runAsTheJobExecutorWould(String jobId) {
        ManagementService management = engine.getManagementService();
        for (int attempt = 1; ; attempt++) {
            try {
                management.executeJob(jobId);
                return true;
            } catch (RuntimeException e) {          // the job executor runs a job again after any failure, too
                if (management.createJobQuery().jobId(jobId).count() == 0) {
                    return false;
                }
                if (attempt == JOB_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }
}
