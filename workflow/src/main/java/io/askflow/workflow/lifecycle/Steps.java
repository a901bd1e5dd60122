package io.askflow.workflow.lifecycle;

import io.askflow.events.Step;
import io.askflow.workflow.lifecycle.Ids.Var;
import io.askflow.workflow.timeline.Timeline;
import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Records the step a milestone event of the BPMN stands for ({@code ${steps.reached(execution, 'CLAIMED')}}),
 * in the engine's transaction. Dates come from the engine's clock, except ASKED: the patient's submission.
 */
@Component("steps")
public class Steps {

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

    public void reached(DelegateExecution execution, String step) {
        record(execution, Step.valueOf(step), ProcessValues.string(execution, Var.STEP_DETAIL));
    }

    public void enrichedWithoutResults(DelegateExecution execution) {
        record(execution, Step.ENRICHED,
                "empty enrichment: no reply.enriched within " + deadlines.enrichmentWait().toString().substring(2)
                        .toLowerCase());
    }

    private void record(DelegateExecution execution, Step step, String detail) {
        timeline.record(ProcessValues.questionId(execution.getProcessBusinessKey()), step, ProcessValues.now(),
                ProcessValues.specialty(execution), detail);
    }
}
