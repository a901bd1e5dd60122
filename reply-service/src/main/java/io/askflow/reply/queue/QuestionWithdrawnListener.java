package io.askflow.reply.queue;

import io.askflow.events.QuestionWithdrawn;
import io.askflow.events.Topics;
import io.askflow.messaging.Inbox;
import io.askflow.reply.QueueItems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Takes a question the patient withdrew out of every queue. It may come before the question itself; the
 * WITHDRAWN row it leaves keeps later events from opening it.
 */
@Component
class QuestionWithdrawnListener {

    private static final Logger log = LoggerFactory.getLogger(QuestionWithdrawnListener.class);

    private final Inbox inbox;
    private final QueueItems items;

    QuestionWithdrawnListener(Inbox inbox, QueueItems items) {
        this.inbox = inbox;
        this.items = items;
    }

    @KafkaListener(topics = Topics.QUESTION_WITHDRAWN)
    void on(QuestionWithdrawn event) {
        inbox.receive(event, Topics.QUESTION_WITHDRAWN, () -> {
            items.withdraw(event.questionId(), event.occurredAt());
            log.info("Withdrawn by the patient");
        });
    }
}
