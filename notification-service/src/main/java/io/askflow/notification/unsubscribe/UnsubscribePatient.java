package io.askflow.notification.unsubscribe;

import io.askflow.notification.Deliveries;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A patient leaves optional mail (RECEIVED, DELAYED) by the signed link in one of those mails. The choice covers
 * the address, not just the question; ANSWERED is always sent.
 */
@Service
class UnsubscribePatient {

    private static final Logger log = LoggerFactory.getLogger(UnsubscribePatient.class);

    private final UnsubscribeLinks links;
    private final Unsubscribes unsubscribes;
    private final Deliveries deliveries;
    private final Clock clock;

    UnsubscribePatient(UnsubscribeLinks links, Unsubscribes unsubscribes, Deliveries deliveries, Clock clock) {
        this.links = links;
        this.unsubscribes = unsubscribes;
        this.deliveries = deliveries;
        this.clock = clock;
    }

    /** The question of a valid token; empty for a forged, damaged or foreign one. */
    @Transactional(readOnly = true)
    public Optional<UUID> check(String token) {
        return verified(token).map(Verified::questionId);
    }

    /** Unsubscribes the token's address (again is fine) and returns its question; empty for an invalid token. */
    @Transactional
    public Optional<UUID> unsubscribe(String token) {
        Optional<Verified> verified = verified(token);
        verified.ifPresent(patient -> {
            boolean first = unsubscribes.add(patient.address(), patient.questionId(), clock.instant());
            int skipped = deliveries.skipPendingOptional(patient.address());
            log.info("The patient of question {} unsubscribed from optional mail{}; {} waiting mail(s) skipped",
                    patient.questionId(), first ? "" : " (again)", skipped);
        });
        return verified.map(Verified::questionId);
    }

    private Optional<Verified> verified(String token) {
        return UnsubscribeLinks.questionOf(token).flatMap(questionId -> unsubscribes.addressOf(questionId)
                .filter(address -> links.valid(token, address))
                .map(address -> new Verified(questionId, address)));
    }

    private record Verified(UUID questionId, String address) {

        @Override
        public String toString() {
            return "Verified[questionId=" + questionId + "]";
        }
    }
}
