package io.askflow.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A doctor sends a question to another specialty: a triage doctor placing a General Medicine question, or any
 * doctor saying "wrong specialty". The workflow records REROUTED and routes the question again; the question
 * keeps its place in time.
 *
 * @param reason free text, may be {@code null}
 */
public record RerouteRequested(UUID eventId, UUID questionId, Instant occurredAt, UUID doctorId, String doctorName,
                               Specialty fromSpecialty, Specialty toSpecialty, String reason)
        implements QuestionEvent {

    public RerouteRequested {
        Events.requireIdentity(eventId, questionId, occurredAt);
        Objects.requireNonNull(doctorId, "doctorId");
        Objects.requireNonNull(toSpecialty, "toSpecialty");
    }
}
