package io.askflow.workflow.lifecycle;

import io.askflow.events.NotificationKind;
import io.askflow.events.NotificationRequested;
import io.askflow.workflow.lifecycle.Ids.Var;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** Half the claim time is gone: the specialty's doctors get a REMINDER (notification-service mails each one). */
@Component("remindDoctors")
class RemindDoctors implements JavaDelegate {

    private final ApplicationEventPublisher events;

    RemindDoctors(ApplicationEventPublisher events) {
        this.events = events;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(Var.REMINDED, true);
        events.publishEvent(new NotificationRequested(UUID.randomUUID(),
                ProcessValues.questionId(execution.getProcessBusinessKey()), ProcessValues.now(), UUID.randomUUID(),
                NotificationKind.REMINDER, ProcessValues.specialty(execution),
                ProcessValues.string(execution, Var.TITLE), null, null, null,
                ProcessValues.instant(execution, Var.CLAIM_DUE_AT), ProcessValues.urgent(execution)));
    }
}
