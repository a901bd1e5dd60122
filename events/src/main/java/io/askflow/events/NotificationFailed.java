package io.askflow.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** The mail could not be delivered and notification-service gave up; {@code error} never holds the address. */
public record NotificationFailed(UUID eventId, UUID questionId, Instant occurredAt, UUID notificationId,
                                 NotificationKind kind, int attempt, String error) implements QuestionEvent {

    public NotificationFailed {
        Events.requireIdentity(eventId, questionId, occurredAt);
        Objects.requireNonNull(notificationId, "notificationId");
        Objects.requireNonNull(kind, "kind");
    }
}
