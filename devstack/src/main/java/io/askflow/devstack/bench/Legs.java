package io.askflow.devstack.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The legs of one question's trip, in milliseconds, from the dates the system recorded. The doctor's own time
 * (from the question entering the queue to the reply) is the bench's, not the system's, so
 * {@code submitToNotifiedLessDoctor} takes it out.
 */
final class Legs {

    static final String SUBMIT_TO_ROUTED = "submitToRouted";
    static final String ROUTED_TO_QUEUED = "routedToQueued";
    static final String REPLY_TO_ENRICHED = "replyToEnriched";
    static final String ENRICHED_TO_NOTIFIED = "enrichedToNotified";
    static final String SUBMIT_TO_NOTIFIED_LESS_DOCTOR = "submitToNotifiedLessDoctor";
    static final List<String> NAMES = List.of(SUBMIT_TO_ROUTED, ROUTED_TO_QUEUED, REPLY_TO_ENRICHED,
            ENRICHED_TO_NOTIFIED, SUBMIT_TO_NOTIFIED_LESS_DOCTOR);

    private Legs() {
    }

    /**
     * @param queuedAt when the question entered the doctor's queue (the queue item's {@code queuedAt}); null
     *                 when unknown, which leaves out the two legs that need it
     */
    static Map<String, Long> of(Timeline timeline, Instant queuedAt) {
        Map<String, Long> legs = new LinkedHashMap<>();
        Instant asked = timeline.firstAt().get("ASKED");
        Instant routed = timeline.firstAt().get("ROUTED");
        Instant replied = timeline.firstAt().get("REPLIED");
        Instant enriched = timeline.firstAt().get("ENRICHED");
        Instant notified = timeline.firstAt().get("NOTIFIED");
        put(legs, SUBMIT_TO_ROUTED, asked, routed);
        put(legs, ROUTED_TO_QUEUED, routed, queuedAt);
        put(legs, REPLY_TO_ENRICHED, replied, enriched);
        put(legs, ENRICHED_TO_NOTIFIED, enriched, notified);
        if (asked != null && notified != null && queuedAt != null && replied != null) {
            long doctor = millis(queuedAt, replied);
            legs.put(SUBMIT_TO_NOTIFIED_LESS_DOCTOR, millis(asked, notified) - doctor);
        }
        return legs;
    }

    private static void put(Map<String, Long> legs, String name, Instant from, Instant to) {
        if (from != null && to != null) {
            legs.put(name, millis(from, to));
        }
    }

    private static long millis(Instant from, Instant to) {
        return Duration.between(from, to).toMillis();
    }
}
