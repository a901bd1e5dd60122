package io.askflow.workflow.lifecycle;

import io.askflow.events.Step;
import io.askflow.workflow.lifecycle.Ids.Var;
import io.askflow.workflow.timeline.Timeline;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Records the step a milestone event of the BPMN stands for ({@code ${steps.reached(execution, 'CLAIMED')}}),
 * in the engine's transaction. A step is dated by the event that led to it where one did ({@link Var#STEP_AT}),
 * else by the engine's clock; ASKED by the patient's submission.
 */
@Component("steps")
public class Steps {

    /**
     * Steps question-service derives from the event that leads to them (question.routed, question.claimed,
     * reply.posted, reply.enriched, notification.sent), dated alike: stored here, not published again.
     */
    private static final Set<Step> CARRIED_BY_THEIR_EVENT =
            EnumSet.of(Step.ROUTED, Step.CLAIMED, Step.REPLIED, Step.ENRICHED, Step.NOTIFIED);

    private final Timeline timeline;
    private final Deadlines deadlines;

    Steps(Timeline timeline, Deadlines deadlines) {
        this.timeline = timeline;
        this.deadlines = deadlines;
    }

    public void asked(DelegateExecution execution) {
        timeline.record(ProcessValues.questionId(execution.getProcessBusinessKey()), Step.ASKED,
                Instant.parse(ProcessValues.string(execution, Var.SUBMITTED_AT)), ProcessValues.specialty(execution),
                null);
    }

    public void reached(DelegateExecution execution, String name) {
        Step step = Step.valueOf(name);
        UUID questionId = ProcessValues.questionId(execution.getProcessBusinessKey());
        String detail = ProcessValues.string(execution, Var.STEP_DETAIL);
        if (CARRIED_BY_THEIR_EVENT.contains(step)) {
            timeline.store(questionId, step, at(execution), detail);
        } else {
            timeline.record(questionId, step, at(execution), ProcessValues.specialty(execution), detail);
        }
    }

    /** Published: no reply.enriched tells question-service about an enrichment that never came. */
    public void enrichedWithoutResults(DelegateExecution execution) {
        timeline.record(ProcessValues.questionId(execution.getProcessBusinessKey()), Step.ENRICHED, at(execution),
                ProcessValues.specialty(execution),
                "empty enrichment: no reply.enriched within " + deadlines.enrichmentWait().toString().substring(2)
                        .toLowerCase());
    }

    private static Instant at(DelegateExecution execution) {
        String at = ProcessValues.string(execution, Var.STEP_AT);
        return at == null ? ProcessValues.now() : Instant.parse(at);
    }
}
