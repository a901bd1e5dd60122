package io.askflow.workflow.lifecycle;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;

import io.askflow.events.QuestionReleased;
import io.askflow.events.QuestionSubmitted;
import io.askflow.events.RerouteRequested;
import io.askflow.events.Specialty;
import io.askflow.testsupport.Fixtures;
import io.askflow.workflow.lifecycle.Ids.Var;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * What the question-lifecycle process tests share, registered on a field as Camunda's own
 * {@code ProcessEngineExtension} is: {@code @RegisterExtension final QuestionProcessFixture process =
 * QuestionProcessFixture.withClockFrozen();}. Before each test it binds camunda-bpm-assert to the context's engine
 * and, if asked, freezes the engine's clock; after each test it gives the clock back. In between it drives a question
 * to the step a test starts from. The test class runs without a job executor
 * ({@code camunda.bpm.job-execution.enabled=false}), so every job runs when the test says so.
 */
final class QuestionProcessFixture implements BeforeEachCallback, AfterEachCallback {

    private final boolean freezeClock;
    private ProcessEngine engine;
    private QuestionLifecycle lifecycle;
    private Instant clockFrozenAt;

    private QuestionProcessFixture(boolean freezeClock) {
        this.freezeClock = freezeClock;
    }

    /** The engine's clock stands still at the instant each test starts, until the test moves it. */
    static QuestionProcessFixture withClockFrozen() {
        return new QuestionProcessFixture(true);
    }

    /** The engine's clock runs with the system's, until the test moves it. */
    static QuestionProcessFixture withClockRunning() {
        return new QuestionProcessFixture(false);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        ApplicationContext application = SpringExtension.getApplicationContext(context);
        engine = application.getBean(ProcessEngine.class);
        lifecycle = application.getBean(QuestionLifecycle.class);
        BpmnAwareTests.init(engine);
        if (freezeClock) {
            clockFrozenAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);    // the engine keeps dates in millis
            moveClockTo(clockFrozenAt);
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        ClockUtil.reset();
    }

    /** The instant the engine's clock was frozen at when this test started. */
    Instant clockFrozenAt() {
        if (!freezeClock) {
            throw new IllegalStateException("the clock runs in this test: use withClockFrozen()");
        }
        return clockFrozenAt;
    }

    void moveClockTo(Instant instant) {
        ClockUtil.setCurrentTime(Date.from(instant));
    }

    /** The question's process, started: it waits at its routing step, an asynchronous job. */
    ProcessInstance start(QuestionSubmitted submitted) {
        lifecycle.start(submitted);
        return engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey(submitted.questionId().toString()).singleResult();
    }

    /** The question, started and routed to a specialty: it waits for a claim. */
    ProcessInstance routed(QuestionSubmitted submitted) {
        ProcessInstance question = start(submitted);
        execute(job(Ids.ROUTE_TO_SPECIALTY, question));
        return question;
    }

    /** The question, routed and claimed by a doctor of the specialty it was routed to: it waits for the reply. */
    ProcessInstance claimed(QuestionSubmitted submitted) {
        ProcessInstance question = routed(submitted);
        Specialty specialty = Specialty.valueOf(
                (String) engine.getRuntimeService().getVariable(question.getId(), Var.SPECIALTY));
        lifecycle.claimed(Fixtures.questionClaimed(submitted.questionId(), specialty));
        return question;
    }

    /** Dr. Lin asks to send the question from one specialty to another; {@code reason} may be null. */
    static RerouteRequested reroute(UUID questionId, Specialty from, Specialty to, String reason) {
        return new RerouteRequested(UUID.randomUUID(), questionId, Instant.now(), UUID.randomUUID(), "Dr. Lin", from,
                to, reason);
    }

    /** Dr. Ye (who claims in {@link Fixtures#questionClaimed}) lets the question go; {@code reason} may be null. */
    static QuestionReleased released(UUID questionId, Specialty specialty, String reason) {
        return new QuestionReleased(UUID.randomUUID(), questionId, Instant.now(), UUID.randomUUID(), "Dr. Ye",
                specialty, reason);
    }
}
