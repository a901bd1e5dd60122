package io.askflow.events;

import java.time.Instant;
import java.util.UUID;

/**
 * The patient withdrew the question before any doctor claimed it: the process ends (step WITHDRAWN), the
 * question leaves the queue and nothing more is sent about it.
 */
public record QuestionWithdrawn(UUID eventId, UUID questionId, Instant occurredAt) implements QuestionEvent {

    public QuestionWithdrawn {
        Events.requireIdentity(eventId, questionId, occurredAt);
    }
}
