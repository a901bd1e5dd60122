package io.askflow.notification;

import io.askflow.events.NotificationKind;
import io.askflow.events.NotificationRequested;
import java.time.Instant;
import java.util.UUID;

/**
 * One mail to one recipient, as stored before it is sent: rendered once, so every attempt sends the same
 * message with the same Message-ID.
 *
 * @param unsubscribeUrl the signed unsubscribe link of an optional mail to a patient, for its List-Unsubscribe
 *                       header; {@code null} for mails that are always sent
 */
public record Delivery(UUID id, UUID notificationId, String recipientKey, UUID questionId, NotificationKind kind,
                       String recipient, String recipientName, String messageId, String subject, String textBody,
                       String htmlBody, String unsubscribeUrl, DeliveryStatus status, int attempts,
                       Instant nextAttemptAt, Instant giveUpAt, String lastError, String smtpResponse, Instant requestedAt,
                       Instant firstAttemptAt, Instant lastAttemptAt, Instant sentAt, Instant failedAt) {

    /** Recipient key of the patient's mail; a doctor's mail uses the doctor's id. */
    public static final String PATIENT = "patient";

    /**
     * A request's mail to one recipient, rendered and about to be stored: due at once if PENDING, or settled
     * before any attempt (SKIPPED_UNSUBSCRIBED). Attempts, outcomes and their times come later, from the table.
     */
    public static Delivery requested(NotificationRequested request, String recipientKey, String recipient,
                                     String recipientName, String messageId, String subject, String textBody,
                                     String htmlBody, String unsubscribeUrl, DeliveryStatus status, Instant now,
                                     Instant giveUpAt) {
        if (status != DeliveryStatus.PENDING && status != DeliveryStatus.SKIPPED_UNSUBSCRIBED) {
            throw new IllegalArgumentException("A new mail is PENDING or SKIPPED_UNSUBSCRIBED, not " + status);
        }
        return new Delivery(UUID.randomUUID(), request.notificationId(), recipientKey, request.questionId(),
                request.kind(), recipient, recipientName, messageId, subject, textBody, htmlBody, unsubscribeUrl,
                status, 0, status == DeliveryStatus.PENDING ? now : null, giveUpAt, null, null, now, null, null,
                null, null);
    }

    /** Keeps the address and the mail's content out of logs. */
    @Override
    public String toString() {
        return "Delivery[id=" + id + ", notificationId=" + notificationId + ", kind=" + kind + ", status=" + status
                + ", attempts=" + attempts + "]";
    }
}
