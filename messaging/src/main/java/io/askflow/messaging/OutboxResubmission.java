package io.askflow.messaging;

import java.time.Duration;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Sends again what the outbox could not hand to Kafka (broker down, process killed after commit). Consumers
 * dedupe by event id, so a publication sent twice does no harm.
 */
class OutboxResubmission {

    private final IncompleteEventPublications incomplete;
    private final Duration olderThan;

    OutboxResubmission(IncompleteEventPublications incomplete, Duration olderThan) {
        this.incomplete = incomplete;
        this.olderThan = olderThan;
    }

    @Scheduled(fixedDelayString = "${askflow.kafka.resubmit-every:30s}", initialDelayString = "${askflow.kafka.resubmit-every:30s}")
    void resubmitStuckPublications() {
        incomplete.resubmitIncompletePublicationsOlderThan(olderThan);
    }
}
