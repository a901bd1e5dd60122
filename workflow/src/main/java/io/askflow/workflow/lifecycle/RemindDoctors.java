package io.askflow.workflow.lifecycle;

import io.askflow.events.NotificationKind;
import io.askflow.events.NotificationRequested;
import io.askflow.workflow.lifecycle.Ids.Var;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Half the claim time is gone: the specialty's doctors get a REMINDER (notification-service mails each one). Once per
 * specialty: a question re-routed after its reminder reminds the new specialty's doctors too (the claim deadline is
 * the patient's and does not restart, so that reminder may come at once), but a release does not remind anyone again.
 * Public because the model's gateway calls {@link #due} in an expression.
 */
@Component("remindDoctors")
public class RemindDoctors implements JavaDelegate {

    private final ApplicationEventPublisher events;

    RemindDoctors(ApplicationEventPublisher events) {
        this.events = events;
    }

    /** Whether the question's current specialty has not been reminded of it yet (the gateway "This specialty reminded before?"). */
    public boolean due(DelegateExecution execution) {
        Object reminded = execution.getVariable(Var.REMINDED);
        // true: reminded by a version that did not note the specialty, which was the current one then
        return reminded == null
                || reminded instanceof String specialty && !specialty.equals(execution.getVariable(Var.SPECIALTY));
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(Var.REMINDED, ProcessValues.string(execution, Var.SPECIALTY));
        events.publishEvent(new NotificationRequested(UUID.randomUUID(),
                ProcessValues.questionId(execution.getProcessBusinessKey()), ProcessValues.now(), UUID.randomUUID(),
                NotificationKind.REMINDER, ProcessValues.specialty(execution),
                ProcessValues.string(execution, Var.TITLE), null, null, null,
                ProcessValues.instant(execution, Var.CLAIM_DUE_AT), ProcessValues.urgent(execution)));
    }
}
