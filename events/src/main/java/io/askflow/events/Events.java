package io.askflow.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** Checks shared by the event records' compact constructors: a record missing its identity is poison. */
final class Events {

    static void requireIdentity(UUID eventId, UUID questionId, Instant occurredAt) {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(questionId, "questionId");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    private Events() {
    }
}
