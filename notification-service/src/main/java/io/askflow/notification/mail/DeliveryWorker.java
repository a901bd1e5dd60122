package io.askflow.notification.mail;

import io.askflow.platform.QuestionLog;
import io.askflow.notification.Deliveries;
import io.askflow.notification.Delivery;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * Sends what is due, from the database: new mails, retries whose back-off has passed, and mails whose sender died
 * (lapsed claims). The Kafka listeners only store requests, so a slow or failing SMTP server never holds up a
 * partition. Each sender thread claims a batch (recorded before sending), sends each mail over its own kept-open
 * connection and records each result at once: a crash can double at most the mail between its acceptance by the
 * server and that record, and the repeat carries the same Message-ID.
 */
@Component
public class DeliveryWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);

    private final Deliveries deliveries;
    private final RecordDelivery record;
    private final MailComposer composer;
    private final JavaMailSenderImpl server;
    private final MailSettings settings;
    private final Clock clock;
    private final Throttle throttle;
    private final Semaphore wake = new Semaphore(0);
    private volatile boolean running;
    private ExecutorService senders;

    DeliveryWorker(Deliveries deliveries, RecordDelivery record, MailComposer composer, JavaMailSenderImpl server,
                   MailSettings settings, Clock clock) {
        this.deliveries = deliveries;
        this.record = record;
        this.composer = composer;
        this.server = server;
        this.settings = settings;
        this.clock = clock;
        this.throttle = new Throttle(settings.maxPerSecond());
    }

    /** New mails were stored: look now instead of at the next poll. */
    public void wakeUp() {
        wake.release();
    }

    @Override
    public void start() {
        running = true;
        AtomicInteger number = new AtomicInteger();
        senders = Executors.newFixedThreadPool(settings.senders(),
                task -> new Thread(task, "mail-sender-" + number.incrementAndGet()));
        for (int i = 0; i < settings.senders(); i++) {
            senders.submit(this::sendWhileRunning);
        }
    }

    @Override
    public void stop() {
        running = false;
        wake.release(settings.senders());
        senders.shutdown();
        try {
            if (!senders.awaitTermination(30, TimeUnit.SECONDS)) {
                senders.shutdownNow();
            }
        } catch (InterruptedException e) {
            senders.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void sendWhileRunning() {
        try (SmtpConnection smtp = new SmtpConnection(server)) {
            while (running) {
                List<Delivery> batch = claim();
                if (batch.isEmpty()) {
                    smtp.close();
                    wake.tryAcquire(settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                    continue;
                }
                for (Delivery delivery : batch) {
                    // every line about this mail, here and in RecordDelivery, can be found by its question
                    try (var logged = QuestionLog.about(delivery.questionId())) {
                        sendSafely(smtp, delivery);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void sendSafely(SmtpConnection smtp, Delivery delivery) throws InterruptedException {
        try {
            send(smtp, delivery);
        } catch (RuntimeException e) {
            smtp.close();
            log.error("Sending mail {} failed unexpectedly; it is tried again when its claim lapses", delivery.id(), e);
        }
    }

    private List<Delivery> claim() throws InterruptedException {
        try {
            Instant now = clock.instant();
            return deliveries.claimDue(settings.batchSize(), now, now.plus(settings.lease()));
        } catch (RuntimeException e) {
            log.error("Cannot read due mails, trying again shortly: {}", e.getMessage());
            TimeUnit.MILLISECONDS.sleep(settings.pollInterval().toMillis());
            return List.of();
        }
    }

    /** Sends one claimed mail; a mail whose outcome cannot be recorded stays claimed and is due again later. */
    private void send(SmtpConnection smtp, Delivery delivery) throws InterruptedException {
        throttle.acquire();
        String response;
        try {
            response = smtp.send(composer.mime(smtp.session(), delivery, clock.instant()));
        } catch (MessagingException e) {
            if (!(e instanceof AddressException)) {
                smtp.close();
            }
            recordSafely(() -> record.failed(delivery, SendFailure.of(e)), delivery);
            return;
        }
        recordSafely(() -> record.sent(delivery, response), delivery);
    }

    private void recordSafely(Runnable outcome, Delivery delivery) {
        try {
            outcome.run();
        } catch (RuntimeException e) {
            log.error("Cannot record the outcome of mail {}; it is tried again when its claim lapses: {}",
                    delivery.id(), e.getMessage());
        }
    }
}
