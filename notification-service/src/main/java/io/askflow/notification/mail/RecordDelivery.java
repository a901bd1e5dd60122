package io.askflow.notification.mail;

import io.askflow.events.NotificationFailed;
import io.askflow.events.NotificationSent;
import io.askflow.notification.Deliveries;
import io.askflow.notification.Delivery;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records the outcome of one attempt, together with its event (outbox, same transaction). Only the attempt that
 * holds the claim records anything, so an outcome is recorded and published once.
 */
@Component
class RecordDelivery {

    private static final Logger log = LoggerFactory.getLogger(RecordDelivery.class);

    private final Deliveries deliveries;
    private final ApplicationEventPublisher events;
    private final RetryPolicy retry;
    private final Clock clock;

    RecordDelivery(Deliveries deliveries, ApplicationEventPublisher events, MailSettings settings, Clock clock) {
        this.deliveries = deliveries;
        this.events = events;
        this.retry = settings.retry();
        this.clock = clock;
    }

    @Transactional
    public void sent(Delivery delivery, String smtpResponse) {
        Instant now = clock.instant();
        if (!deliveries.markSent(delivery.id(), delivery.attempts(), smtpResponse, now)) {
            log.warn("Mail {} was sent but its claim had lapsed; the attempt that holds it records it",
                    delivery.id());
            return;
        }
        events.publishEvent(new NotificationSent(UUID.randomUUID(), delivery.questionId(), now,
                delivery.notificationId(), delivery.kind(), delivery.attempts()));
        log.info("Sent {} mail {} of notification {} (attempt {})", delivery.kind(), delivery.id(),
                delivery.notificationId(), delivery.attempts());
    }

    @Transactional
    public void failed(Delivery delivery, SendFailure failure) {
        Instant now = clock.instant();
        if (!failure.permanent()) {
            Instant next = now.plus(retry.delayAfter(delivery.attempts(), ThreadLocalRandom.current().nextDouble()));
            if (!next.isAfter(delivery.giveUpAt())) {
                if (deliveries.markRetry(delivery.id(), delivery.attempts(), failure.error(), failure.smtpResponse(),
                        next)) {
                    log.warn("Mail {} of notification {} failed (attempt {}), next try at {}: {}", delivery.id(),
                            delivery.notificationId(), delivery.attempts(), next, failure.error());
                }
                return;
            }
        }
        if (deliveries.markFailed(delivery.id(), delivery.attempts(), failure.error(), failure.smtpResponse(), now)) {
            events.publishEvent(new NotificationFailed(UUID.randomUUID(), delivery.questionId(), now,
                    delivery.notificationId(), delivery.kind(), delivery.attempts(), failure.error()));
            log.error("Gave up on {} mail {} of notification {} after {} attempt(s) ({}): {}", delivery.kind(),
                    delivery.id(), delivery.notificationId(), delivery.attempts(),
                    failure.permanent() ? "permanent failure" : "retry window over", failure.error());
        }
    }
}
