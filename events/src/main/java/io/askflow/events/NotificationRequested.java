package io.askflow.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The workflow asks for one email: to the patient (RECEIVED, ANSWERED, DELAYED) or to the specialty's doctors
 * (REMINDER). It carries what the mail needs, never the address: notification-service looks that up. The workflow
 * leaves {@code trackingUrl} null: the link opens the patient's question, so it stays out of process variables (which
 * Cockpit shows) and of this topic, and notification-service takes it from the contact it stored at submission.
 */
public record NotificationRequested(UUID eventId, UUID questionId, Instant occurredAt, UUID notificationId,
                                    NotificationKind kind, Specialty specialty, String questionTitle,
                                    String trackingUrl, String doctorName, String replyExcerpt, Instant dueAt,
                                    boolean urgent) implements QuestionEvent {

    public NotificationRequested {
        Events.requireIdentity(eventId, questionId, occurredAt);
        Objects.requireNonNull(notificationId, "notificationId");
        Objects.requireNonNull(kind, "kind");
    }
}
