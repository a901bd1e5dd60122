package io.askflow.workflow.lifecycle;

import io.askflow.events.NotificationKind;
import io.askflow.events.NotificationRequested;
import io.askflow.events.RoutedBy;
import io.askflow.workflow.lifecycle.Ids.Var;
import java.time.Instant;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Nobody claimed the question by its claim deadline: it goes back on top of its queue (question.routed, routedBy
 * OVERDUE, highest priority) and the patient gets a DELAYED mail.
 */
@Component("markOverdue")
class MarkOverdue implements JavaDelegate {

    private final ApplicationEventPublisher events;

    MarkOverdue(ApplicationEventPublisher events) {
        this.events = events;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Instant now = ProcessValues.now();
        execution.setVariable(Var.ROUTED_BY, RoutedBy.OVERDUE.name());
        execution.setVariable(Var.MISSED_DEADLINE, RoutedBy.OVERDUE.name());
        PublishRouted.publish(events, execution, now);
        events.publishEvent(new NotificationRequested(UUID.randomUUID(),
                ProcessValues.questionId(execution.getProcessBusinessKey()), now, UUID.randomUUID(),
                NotificationKind.DELAYED, ProcessValues.specialty(execution),
                ProcessValues.string(execution, Var.TITLE), null, null,
                null, ProcessValues.instant(execution, Var.REPLY_DUE_AT), ProcessValues.urgent(execution)));
    }
}
