package io.askflow.notification.delivery;

import io.askflow.events.NotificationKind;
import io.askflow.notification.Addresses;
import io.askflow.notification.Delivery;
import io.askflow.notification.DeliveryStatus;
import java.time.Instant;
import java.util.UUID;

/** One mail in the delivery log, as operators see it: the address masked, no content. */
record DeliveryLogEntry(UUID id, UUID notificationId, UUID questionId, NotificationKind kind, String recipient,
                        String messageId, DeliveryStatus status, int attempts, String lastError, String smtpResponse,
                        Instant requestedAt, Instant firstAttemptAt, Instant lastAttemptAt, Instant nextAttemptAt,
                        Instant sentAt, Instant failedAt) {

    static DeliveryLogEntry of(Delivery delivery) {
        return new DeliveryLogEntry(delivery.id(), delivery.notificationId(), delivery.questionId(), delivery.kind(),
                Addresses.mask(delivery.recipient()), delivery.messageId(), delivery.status(), delivery.attempts(),
                delivery.lastError(), delivery.smtpResponse(), delivery.requestedAt(), delivery.firstAttemptAt(),
                delivery.lastAttemptAt(), delivery.nextAttemptAt(), delivery.sentAt(), delivery.failedAt());
    }
}
