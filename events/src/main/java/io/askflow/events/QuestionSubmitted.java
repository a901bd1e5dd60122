package io.askflow.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A patient asked a question. {@code contactEmail} is the only copy of the patient's address outside
 * question-service: notification-service stores it, every other consumer ignores it and must never log it.
 *
 * @param requestedSpecialty the patient's choice, or {@code null} to let routing decide
 * @param urgent             the text shows warning signs; doctors see it first
 */
public record QuestionSubmitted(UUID eventId, UUID questionId, Instant occurredAt, String nickname,
                                AgeRange ageRange, Gender gender, Specialty requestedSpecialty, String title,
                                String body, String language, boolean consentToPublish, String trackingUrl,
                                String contactEmail, boolean urgent) implements QuestionEvent {

    public QuestionSubmitted {
        Events.requireIdentity(eventId, questionId, occurredAt);
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(body, "body");
    }

    /** Keeps the address out of logs and exception messages. */
    @Override
    public String toString() {
        return "QuestionSubmitted[eventId=" + eventId + ", questionId=" + questionId + ", requestedSpecialty="
                + requestedSpecialty + ", urgent=" + urgent + "]";
    }
}
