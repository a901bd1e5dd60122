package io.askflow.enrichment.enrich;

import io.askflow.events.ReplyPosted;
import io.askflow.events.Topics;
import io.askflow.messaging.ProcessedEvents;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Enriches each reply once; a reply that comes before its question is retried until the question is there. */
@Component
class ReplyPostedListener {

    private final ProcessedEvents processedEvents;
    private final EnrichReply enrichReply;

    ReplyPostedListener(ProcessedEvents processedEvents, EnrichReply enrichReply) {
        this.processedEvents = processedEvents;
        this.enrichReply = enrichReply;
    }

    @Transactional
    @KafkaListener(topics = Topics.REPLY_POSTED)
    void on(ReplyPosted event) {
        if (!processedEvents.firstTime(event.eventId(), Topics.REPLY_POSTED)) {
            return;
        }
        enrichReply.enrich(event);
    }
}
