package io.askflow.workflow.inbox;

import io.askflow.events.NotificationFailed;
import io.askflow.events.NotificationKind;
import io.askflow.events.NotificationSent;
import io.askflow.events.Step;
import io.askflow.events.Topics;
import io.askflow.workflow.lifecycle.QuestionLifecycle;
import io.askflow.workflow.timeline.Timeline;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

@Component
class NotificationListener {

    private static final Logger log = LoggerFactory.getLogger(NotificationListener.class);

    private final LifecycleInbox inbox;
    private final QuestionLifecycle lifecycle;
    private final Timeline timeline;

    NotificationListener(LifecycleInbox inbox, QuestionLifecycle lifecycle, Timeline timeline) {
        this.inbox = inbox;
        this.lifecycle = lifecycle;
        this.timeline = timeline;
    }

    /** Only the ANSWERED mail is awaited; the others (RECEIVED, DELAYED, REMINDER) are acknowledged. */
    @KafkaListener(topics = Topics.NOTIFICATION_SENT)
    void on(NotificationSent event) {
        inbox.receive(event, Topics.NOTIFICATION_SENT, () -> {
            if (event.kind() != NotificationKind.ANSWERED) {
                log.info("{} mail {} sent; the process does not wait for it", event.kind(), event.notificationId());
                return;
            }
            if (!lifecycle.answeredMailSent(event)) {
                inbox.notAwaited(event, Topics.NOTIFICATION_SENT, Step.NOTIFIED);
            }
        });
    }

    /** notification-service gave up: a FAILED step, and an incident in Cockpit if the process waits for that mail. */
    @KafkaListener(topics = Topics.NOTIFICATION_FAILED)
    void on(NotificationFailed event) {
        inbox.receive(event, Topics.NOTIFICATION_FAILED, () -> {
            timeline.record(event.questionId(), Step.FAILED, event.occurredAt(), null,
                    event.kind() + " mail failed after " + event.attempt() + " attempts: " + event.error());
            if (event.kind() == NotificationKind.ANSWERED) {
                lifecycle.answeredMailFailed(event);
            }
        });
    }
}
