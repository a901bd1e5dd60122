package io.askflow.workflow.lifecycle;

import io.askflow.events.QuestionRouted;
import io.askflow.events.RoutedBy;
import io.askflow.events.Specialty;
import io.askflow.workflow.lifecycle.Ids.Var;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Puts the question in its specialty's queue ({@code question.routed}), the first time and again after a release
 * or a re-route. The due dates are fixed at the first routing: a question going back to the queue, or to another
 * specialty's, keeps its place in time.
 */
@Component("publishRouted")
class PublishRouted implements JavaDelegate {

    private final ApplicationEventPublisher events;
    private final Deadlines deadlines;

    PublishRouted(ApplicationEventPublisher events, Deadlines deadlines) {
        this.events = events;
        this.deadlines = deadlines;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Instant now = ProcessValues.now();
        Specialty specialty = Specialty.valueOf(ProcessValues.string(execution, Var.SPECIALTY));
        if (execution.getVariable(Var.CLAIM_DUE_AT) == null) {
            execution.setVariable(Var.CLAIM_DUE_AT, Date.from(deadlines.claimDue(specialty, now)));
            execution.setVariable(Var.REPLY_DUE_AT, Date.from(deadlines.replyDue(specialty, now)));
            execution.setVariable(Var.REMIND_AT, Date.from(deadlines.remindAt(specialty, now)));
        }
        publish(events, execution, now);
        // ROUTED, which follows the first routing, gets question.routed's very date; after a requeue nothing reads it
        execution.setVariable(Var.STEP_AT, Variables.stringValue(now.toString(), true));
    }

    /** question.routed with what the process knows now: specialty, routedBy, due dates. */
    static void publish(ApplicationEventPublisher events, DelegateExecution execution, Instant now) {
        RoutedBy routedBy = RoutedBy.valueOf(ProcessValues.string(execution, Var.ROUTED_BY));
        String missed = ProcessValues.string(execution, Var.MISSED_DEADLINE);
        RoutedBy standing = missed == null ? routedBy : RoutedBy.valueOf(missed);
        events.publishEvent(new QuestionRouted(UUID.randomUUID(),
                ProcessValues.questionId(execution.getProcessBusinessKey()), now,
                Specialty.valueOf(ProcessValues.string(execution, Var.SPECIALTY)), routedBy,
                Priorities.of(standing, ProcessValues.urgent(execution)),
                ProcessValues.instant(execution, Var.CLAIM_DUE_AT),
                ProcessValues.instant(execution, Var.REPLY_DUE_AT)));
    }
}
