package io.askflow.reply.queue;

import io.askflow.events.QuestionRouted;
import io.askflow.events.Topics;
import io.askflow.messaging.Inbox;
import io.askflow.reply.QueueItems;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Puts a question (back) into its specialty's queue: first routing, re-route, overdue or escalation. */
@Component
class QuestionRoutedListener {

    private static final Logger log = LoggerFactory.getLogger(QuestionRoutedListener.class);

    private final Inbox inbox;
    private final QueueItems items;
    private final Clock clock;

    QuestionRoutedListener(Inbox inbox, QueueItems items, Clock clock) {
        this.inbox = inbox;
        this.items = items;
        this.clock = clock;
    }

    @KafkaListener(topics = Topics.QUESTION_ROUTED)
    void on(QuestionRouted event) {
        inbox.receive(event, Topics.QUESTION_ROUTED, () -> {
            items.route(event, clock.instant());
            log.info("Queued in {} by {} with priority {}", event.specialty(), event.routedBy(), event.priority());
        });
    }
}
