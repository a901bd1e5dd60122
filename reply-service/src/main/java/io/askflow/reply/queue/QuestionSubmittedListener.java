package io.askflow.reply.queue;

import io.askflow.events.QuestionSubmitted;
import io.askflow.events.Topics;
import io.askflow.messaging.Inbox;
import io.askflow.reply.QueueItems;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Keeps what doctors need of a new question (never the patient's email); it may arrive after its routing. */
@Component
class QuestionSubmittedListener {

    private final Inbox inbox;
    private final QueueItems items;

    QuestionSubmittedListener(Inbox inbox, QueueItems items) {
        this.inbox = inbox;
        this.items = items;
    }

    @KafkaListener(topics = Topics.QUESTION_SUBMITTED)
    void on(QuestionSubmitted event) {
        inbox.receive(event, Topics.QUESTION_SUBMITTED, () -> items.saveContent(event));
    }
}
