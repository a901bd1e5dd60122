package io.askflow.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** The question was put in a specialty's queue; published again whenever it goes back to a queue. */
public record QuestionRouted(UUID eventId, UUID questionId, Instant occurredAt, Specialty specialty,
                             RoutedBy routedBy, int priority, Instant claimDueAt, Instant replyDueAt)
        implements QuestionEvent {

    public QuestionRouted {
        Events.requireIdentity(eventId, questionId, occurredAt);
        Objects.requireNonNull(specialty, "specialty");
        Objects.requireNonNull(routedBy, "routedBy");
    }
}
