package io.askflow.enrichment.enrich;

import io.askflow.events.ReplyPosted;
import io.askflow.events.Topics;
import io.askflow.messaging.Inbox;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Enriches each reply once; a reply that comes before its question is retried until the question is there. */
@Component
class ReplyPostedListener {

    private final Inbox inbox;
    private final EnrichReply enrichReply;

    ReplyPostedListener(Inbox inbox, EnrichReply enrichReply) {
        this.inbox = inbox;
        this.enrichReply = enrichReply;
    }

    @KafkaListener(topics = Topics.REPLY_POSTED)
    void on(ReplyPosted event) {
        inbox.receive(event, Topics.REPLY_POSTED, () -> enrichReply.enrich(event));
    }
}
