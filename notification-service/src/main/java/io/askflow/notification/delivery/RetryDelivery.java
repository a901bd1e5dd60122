package io.askflow.notification.delivery;

import io.askflow.notification.Deliveries;
import io.askflow.notification.Delivery;
import io.askflow.notification.DeliveryStatus;
import io.askflow.notification.mail.DeliveryWorker;
import io.askflow.notification.mail.MailSettings;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/** An operator sends a failed mail again, with a fresh retry window. */
@Service
class RetryDelivery {

    private static final Logger log = LoggerFactory.getLogger(RetryDelivery.class);

    private final Deliveries deliveries;
    private final DeliveryWorker worker;
    private final MailSettings settings;
    private final Clock clock;

    RetryDelivery(Deliveries deliveries, DeliveryWorker worker, MailSettings settings, Clock clock) {
        this.deliveries = deliveries;
        this.worker = worker;
        this.settings = settings;
        this.clock = clock;
    }

    @Transactional
    public Delivery retry(UUID id) {
        Delivery delivery = deliveries.find(id).orElseThrow(() ->
                new ResponseStatusException(HttpStatus.NOT_FOUND, "No mail " + id));
        Instant now = clock.instant();
        if (delivery.status() != DeliveryStatus.FAILED
                || !deliveries.reopen(id, now, now.plus(settings.retry().giveUpAfter()))) {
            throw new ResponseStatusException(HttpStatus.CONFLICT,
                    "Mail " + id + " is " + delivery.status() + "; only a FAILED mail can be retried");
        }
        log.info("Operator retry of {} mail {} of notification {}", delivery.kind(), id, delivery.notificationId());
        worker.wakeUp();
        return deliveries.find(id).orElseThrow();
    }
}
