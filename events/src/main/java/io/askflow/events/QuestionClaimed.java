package io.askflow.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A doctor took the question; reply-service alone decides claims. */
public record QuestionClaimed(UUID eventId, UUID questionId, Instant occurredAt, UUID doctorId, String doctorName,
                              Specialty specialty) implements QuestionEvent {

    public QuestionClaimed {
        Events.requireIdentity(eventId, questionId, occurredAt);
        Objects.requireNonNull(doctorId, "doctorId");
    }
}
