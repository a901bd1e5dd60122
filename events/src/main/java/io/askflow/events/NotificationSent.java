package io.askflow.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** The mail of a {@link NotificationRequested} was accepted by the SMTP server. */
public record NotificationSent(UUID eventId, UUID questionId, Instant occurredAt, UUID notificationId,
                               NotificationKind kind, int attempt) implements QuestionEvent {

    public NotificationSent {
        Events.requireIdentity(eventId, questionId, occurredAt);
        Objects.requireNonNull(notificationId, "notificationId");
        Objects.requireNonNull(kind, "kind");
    }
}
