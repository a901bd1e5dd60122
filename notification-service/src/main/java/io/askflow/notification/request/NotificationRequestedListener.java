package io.askflow.notification.request;

import io.askflow.events.NotificationRequested;
import io.askflow.events.Topics;
import io.askflow.messaging.ProcessedEvents;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Stores each requested mail; sending is the worker's job, so this listener never waits for SMTP. */
@Component
class NotificationRequestedListener {

    private final ProcessedEvents processedEvents;
    private final RequestNotification requests;

    NotificationRequestedListener(ProcessedEvents processedEvents, RequestNotification requests) {
        this.processedEvents = processedEvents;
        this.requests = requests;
    }

    @Transactional
    @KafkaListener(topics = Topics.NOTIFICATION_REQUESTED)
    void on(NotificationRequested event) {
        if (!processedEvents.firstTime(event.eventId(), Topics.NOTIFICATION_REQUESTED)) {
            return;
        }
        requests.request(event);
    }
}
