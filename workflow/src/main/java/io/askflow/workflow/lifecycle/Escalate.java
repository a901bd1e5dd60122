package io.askflow.workflow.lifecycle;

import io.askflow.events.RoutedBy;
import io.askflow.events.Specialty;
import io.askflow.workflow.lifecycle.Ids.Var;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The doctor holding the question did not reply by the reply deadline: the claim is released (question.routed,
 * routedBy ESCALATED, which reply-service reads as the end of that claim) and the question gets a new reply
 * deadline. A reply the doctor still posts completes the question (see the BPMN's replyPostedWhileQueued).
 */
@Component("escalate")
class Escalate implements JavaDelegate {

    private final ApplicationEventPublisher events;
    private final Deadlines deadlines;

    Escalate(ApplicationEventPublisher events, Deadlines deadlines) {
        this.events = events;
        this.deadlines = deadlines;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Instant now = ProcessValues.now();
        Instant missed = ProcessValues.instant(execution, Var.REPLY_DUE_AT);
        Specialty specialty = Specialty.valueOf(ProcessValues.string(execution, Var.SPECIALTY));
        execution.setVariable(Var.ROUTED_BY, RoutedBy.ESCALATED.name());
        execution.setVariable(Var.MISSED_DEADLINE, RoutedBy.ESCALATED.name());
        execution.setVariable(Var.REPLY_DUE_AT, Date.from(deadlines.replyDue(specialty, now)));
        execution.setVariable(Var.STEP_DETAIL, Variables.stringValue(
                "no reply by " + missed + ": claim released, back in the queue", true));
        PublishRouted.publish(events, execution, now);
    }
}
