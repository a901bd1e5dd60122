package io.askflow.reply.queue;

import io.askflow.events.QuestionWithdrawn;
import io.askflow.events.Topics;
import io.askflow.messaging.ProcessedEvents;
import io.askflow.reply.QueueItems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes a question the patient withdrew out of every queue. It may come before the question itself; the
 * WITHDRAWN row it leaves keeps later events from opening it.
 */
@Component
class QuestionWithdrawnListener {

    private static final Logger log = LoggerFactory.getLogger(QuestionWithdrawnListener.class);

    private final ProcessedEvents processedEvents;
    private final QueueItems items;

    QuestionWithdrawnListener(ProcessedEvents processedEvents, QueueItems items) {
        this.processedEvents = processedEvents;
        this.items = items;
    }

    @Transactional
    @KafkaListener(topics = Topics.QUESTION_WITHDRAWN)
    void on(QuestionWithdrawn event) {
        if (!processedEvents.firstTime(event.eventId(), Topics.QUESTION_WITHDRAWN)) {
            return;
        }
        items.withdraw(event.questionId(), event.occurredAt());
        log.info("Withdrawn by the patient");
    }
}
