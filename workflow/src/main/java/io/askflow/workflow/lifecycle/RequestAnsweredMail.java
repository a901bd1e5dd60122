package io.askflow.workflow.lifecycle;

import io.askflow.events.NotificationKind;
import io.askflow.events.NotificationRequested;
import io.askflow.workflow.lifecycle.Ids.Var;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** Asks notification-service to tell the patient a doctor replied; the process then waits for that very mail. */
@Component("requestAnsweredMail")
class RequestAnsweredMail implements JavaDelegate {

    private final ApplicationEventPublisher events;

    RequestAnsweredMail(ApplicationEventPublisher events) {
        this.events = events;
    }

    @Override
    public void execute(DelegateExecution execution) {
        UUID notificationId = UUID.randomUUID();
        execution.setVariable(Var.ANSWERED_NOTIFICATION_ID, notificationId.toString());
        events.publishEvent(new NotificationRequested(UUID.randomUUID(),
                ProcessValues.questionId(execution.getProcessBusinessKey()), ProcessValues.now(), notificationId,
                NotificationKind.ANSWERED, ProcessValues.specialty(execution),
                ProcessValues.string(execution, Var.TITLE),
                null,
                ProcessValues.string(execution, Var.DOCTOR_NAME),
                ProcessValues.string(execution, Var.REPLY_EXCERPT), null, ProcessValues.urgent(execution)));
    }
}
