package io.askflow.notification.request;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.askflow.events.NotificationRequested;
import io.askflow.events.Topics;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Stores each requested mail, a whole poll in one transaction; sending is the worker's job, so this listener never
 * waits for SMTP. A request whose question has not arrived yet is parked alone (replayed until its question has
 * arrived, then the dead letters), while the rest of its poll is stored.
 */
@Component
class NotificationRequestedListener {

    private final RequestNotification requests;
    private final ObjectMapper json;

    NotificationRequestedListener(RequestNotification requests, ObjectMapper json) {
        this.requests = requests;
        this.json = json;
    }

    @KafkaListener(topics = Topics.NOTIFICATION_REQUESTED, containerFactory = BatchListeners.FACTORY)
    void on(List<ConsumerRecord<String, byte[]>> records) {
        EventBatch<NotificationRequested> batch = EventBatch.read(records, NotificationRequested.class, json);
        batch.store(events -> requests.store(events).failures());
        batch.throwFirstFailure();
    }
}
