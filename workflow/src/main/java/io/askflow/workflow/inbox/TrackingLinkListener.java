package io.askflow.workflow.inbox;

import io.askflow.events.NotificationKind;
import io.askflow.events.NotificationRequested;
import io.askflow.events.Step;
import io.askflow.events.Topics;
import io.askflow.events.TrackingLinkRequested;
import java.time.Instant;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * A patient asked for the tracking link again: the workflow decides every mail, so it requests a TRACKING_LINK
 * mail, at any point of the question's life, even after the process ended. notification-service fills in the
 * address, title and link from what it stored when the question was submitted.
 */
@Component
class TrackingLinkListener {

    private final LifecycleInbox inbox;
    private final ApplicationEventPublisher events;

    TrackingLinkListener(LifecycleInbox inbox, ApplicationEventPublisher events) {
        this.inbox = inbox;
        this.events = events;
    }

    @KafkaListener(topics = Topics.TRACKING_LINK_REQUESTED)
    void on(TrackingLinkRequested event) {
        inbox.receive(event, Topics.TRACKING_LINK_REQUESTED, () -> {
            inbox.requireStep(event, Topics.TRACKING_LINK_REQUESTED, Step.ASKED);
            events.publishEvent(new NotificationRequested(UUID.randomUUID(), event.questionId(), Instant.now(),
                    UUID.randomUUID(), NotificationKind.TRACKING_LINK, null, null, null, null, null, null, false));
        });
    }
}
