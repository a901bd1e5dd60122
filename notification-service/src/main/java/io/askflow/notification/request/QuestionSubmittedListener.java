package io.askflow.notification.request;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.askflow.events.QuestionSubmitted;
import io.askflow.events.Topics;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the patient's contact of each question, for the mails the workflow requests later: a whole poll in one
 * transaction. Its Kafka offsets are committed after that transaction, so a crash in between only redelivers
 * questions the dedupe skips.
 */
@Component
class QuestionSubmittedListener {

    private final RememberContacts contacts;
    private final ObjectMapper json;

    QuestionSubmittedListener(RememberContacts contacts, ObjectMapper json) {
        this.contacts = contacts;
        this.json = json;
    }

    @KafkaListener(topics = Topics.QUESTION_SUBMITTED, containerFactory = BatchListeners.FACTORY)
    void on(List<ConsumerRecord<String, byte[]>> records) {
        EventBatch<QuestionSubmitted> batch = EventBatch.read(records, QuestionSubmitted.class, json);
        batch.store(contacts::remember);
        batch.throwFirstFailure();
    }
}
