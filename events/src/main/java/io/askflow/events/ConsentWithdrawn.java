package io.askflow.events;

import java.time.Instant;
import java.util.UUID;

/** The patient no longer consents to publishing: the public page and every Similar Q&A entry of it disappear. */
public record ConsentWithdrawn(UUID eventId, UUID questionId, Instant occurredAt) implements QuestionEvent {

    public ConsentWithdrawn {
        Events.requireIdentity(eventId, questionId, occurredAt);
    }
}
