package io.askflow.reply.queue;

import io.askflow.events.QuestionSubmitted;
import io.askflow.events.Topics;
import io.askflow.messaging.ProcessedEvents;
import io.askflow.reply.QueueItems;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Keeps what doctors need of a new question (never the patient's email); it may arrive after its routing. */
@Component
class QuestionSubmittedListener {

    private final ProcessedEvents processedEvents;
    private final QueueItems items;

    QuestionSubmittedListener(ProcessedEvents processedEvents, QueueItems items) {
        this.processedEvents = processedEvents;
        this.items = items;
    }

    @Transactional
    @KafkaListener(topics = Topics.QUESTION_SUBMITTED)
    void on(QuestionSubmitted event) {
        if (!processedEvents.firstTime(event.eventId(), Topics.QUESTION_SUBMITTED)) {
            return;
        }
        items.saveContent(event);
    }
}
