package io.askflow.workflow.inbox;

import io.askflow.events.ReplyEnriched;
import io.askflow.events.ReplyPosted;
import io.askflow.events.Step;
import io.askflow.events.Topics;
import io.askflow.workflow.lifecycle.QuestionLifecycle;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

@Component
class ReplyListener {

    private final LifecycleInbox inbox;
    private final QuestionLifecycle lifecycle;

    ReplyListener(LifecycleInbox inbox, QuestionLifecycle lifecycle) {
        this.inbox = inbox;
        this.lifecycle = lifecycle;
    }

    /**
     * A reply reply-service accepted always completes the question, even one back in the queue. Only a reply whose
     * claim the process has not seen yet waits, so that the timeline reads CLAIMED before REPLIED. A reply sent while
     * the patient withdrew the question (before reply-service heard of it) is acknowledged: the question stays
     * withdrawn, nothing is mailed, and the claim it follows may never have been recorded.
     */
    @KafkaListener(topics = Topics.REPLY_POSTED)
    void on(ReplyPosted event) {
        inbox.receive(event, Topics.REPLY_POSTED, () -> {
            if (inbox.alreadyPast(event, Topics.REPLY_POSTED, Step.WITHDRAWN)) {
                return;
            }
            inbox.requireStep(event, Topics.REPLY_POSTED, Step.CLAIMED);
            if (!lifecycle.replied(event)) {
                inbox.notAwaited(event, Topics.REPLY_POSTED, Step.REPLIED);
            }
        });
    }

    /**
     * Enrichment starts on reply.posted by itself, so its result may come before the process waits for it, or after
     * the question was withdrawn.
     */
    @KafkaListener(topics = Topics.REPLY_ENRICHED)
    void on(ReplyEnriched event) {
        inbox.receive(event, Topics.REPLY_ENRICHED, () -> {
            if (!lifecycle.enriched(event)) {
                inbox.notAwaited(event, Topics.REPLY_ENRICHED, Step.ENRICHED, Step.WITHDRAWN);
            }
        });
    }
}
