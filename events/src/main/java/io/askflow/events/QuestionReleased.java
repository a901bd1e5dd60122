package io.askflow.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The doctor holding the question let it go (or it was released for them at the reply deadline).
 *
 * @param reason free text, may be {@code null}
 */
public record QuestionReleased(UUID eventId, UUID questionId, Instant occurredAt, UUID doctorId, String doctorName,
                               Specialty specialty, String reason) implements QuestionEvent {

    public QuestionReleased {
        Events.requireIdentity(eventId, questionId, occurredAt);
        Objects.requireNonNull(doctorId, "doctorId");
    }
}
