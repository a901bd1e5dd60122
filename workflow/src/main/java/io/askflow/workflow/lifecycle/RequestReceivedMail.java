package io.askflow.workflow.lifecycle;

import io.askflow.events.NotificationKind;
import io.askflow.events.NotificationRequested;
import io.askflow.workflow.lifecycle.Ids.Var;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** Asks notification-service to confirm receipt to the patient; nothing waits for that mail. */
@Component("requestReceivedMail")
class RequestReceivedMail implements JavaDelegate {

    private final ApplicationEventPublisher events;

    RequestReceivedMail(ApplicationEventPublisher events) {
        this.events = events;
    }

    @Override
    public void execute(DelegateExecution execution) {
        events.publishEvent(new NotificationRequested(UUID.randomUUID(),
                ProcessValues.questionId(execution.getProcessBusinessKey()), ProcessValues.now(), UUID.randomUUID(),
                NotificationKind.RECEIVED, ProcessValues.specialty(execution),
                ProcessValues.string(execution, Var.TITLE),
                null, null, null, null,
                ProcessValues.urgent(execution)));
    }
}
