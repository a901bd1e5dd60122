package io.askflow.notification.request;

import io.askflow.events.NotificationKind;
import io.askflow.events.NotificationRequested;
import io.askflow.messaging.InvalidEventException;
import io.askflow.notification.Deliveries;
import io.askflow.notification.Delivery;
import io.askflow.notification.DeliveryStatus;
import io.askflow.notification.mail.DeliveryWorker;
import io.askflow.notification.mail.MailComposer;
import io.askflow.notification.mail.MailSettings;
import io.askflow.notification.mail.Recipient;
import io.askflow.notification.mail.RenderedMail;
import io.askflow.notification.unsubscribe.UnsubscribeLinks;
import io.askflow.notification.unsubscribe.Unsubscribes;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Stores the mails of a request, one per recipient, before anything is sent. The notification id is the key: a
 * duplicated or redelivered request finds its mails stored and adds nothing, so it never sends a second mail.
 * An optional mail to a patient who unsubscribed is stored as SKIPPED_UNSUBSCRIBED, for the delivery log, and
 * publishes nothing: the workflow waits only for ANSWERED, which is always sent.
 */
@Service
public class RequestNotification {

    private static final Logger log = LoggerFactory.getLogger(RequestNotification.class);

    private final Contacts contacts;
    private final Doctors doctors;
    private final Deliveries deliveries;
    private final MailComposer composer;
    private final DeliveryWorker worker;
    private final MailSettings settings;
    private final UnsubscribeLinks unsubscribeLinks;
    private final Unsubscribes unsubscribes;
    private final Clock clock;

    RequestNotification(Contacts contacts, Doctors doctors, Deliveries deliveries, MailComposer composer,
                        DeliveryWorker worker, MailSettings settings, UnsubscribeLinks unsubscribeLinks,
                        Unsubscribes unsubscribes, Clock clock) {
        this.contacts = contacts;
        this.doctors = doctors;
        this.deliveries = deliveries;
        this.composer = composer;
        this.worker = worker;
        this.settings = settings;
        this.unsubscribeLinks = unsubscribeLinks;
        this.unsubscribes = unsubscribes;
        this.clock = clock;
    }

    /**
     * @return how many mails were newly stored (0 for a duplicate)
     * @throws QuestionNotYetSubmittedException for a patient's mail whose question has not arrived yet
     */
    @Transactional
    public int request(NotificationRequested request) {
        int added = request.kind() == NotificationKind.REMINDER ? remindDoctors(request) : tellPatient(request);
        if (added > 0 && TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    worker.wakeUp();
                }
            });
        }
        return added;
    }

    private int tellPatient(NotificationRequested request) {
        Contacts.Contact contact = contacts.of(request.questionId())
                .orElseThrow(() -> new QuestionNotYetSubmittedException(request.questionId()));
        String title = request.questionTitle() == null ? contact.title() : request.questionTitle();
        String trackingUrl = request.trackingUrl() == null ? contact.trackingUrl() : request.trackingUrl();
        var patient = new Recipient(Delivery.PATIENT, contact.email(), contact.nickname(), contact.language());
        if (!request.kind().optional()) {
            return store(request, patient, title, trackingUrl, null, DeliveryStatus.PENDING) ? 1 : 0;
        }
        String unsubscribeUrl = unsubscribeLinks.urlFor(request.questionId(), contact.email());
        DeliveryStatus status = unsubscribes.covers(contact.email())
                ? DeliveryStatus.SKIPPED_UNSUBSCRIBED : DeliveryStatus.PENDING;
        return store(request, patient, title, trackingUrl, unsubscribeUrl, status) ? 1 : 0;
    }

    private int remindDoctors(NotificationRequested request) {
        if (request.specialty() == null) {
            throw new InvalidEventException("REMINDER " + request.notificationId() + " names no specialty");
        }
        List<Doctors.Doctor> active = doctors.activeIn(request.specialty());
        if (active.isEmpty()) {
            log.warn("No active {} doctor with an address: reminder {} reaches nobody", request.specialty(),
                    request.notificationId());
        }
        String title = request.questionTitle() == null ? "" : request.questionTitle();
        int added = 0;
        for (Doctors.Doctor doctor : active) {
            var recipient = new Recipient(doctor.id().toString(), doctor.email(), doctor.name(), "en");
            if (store(request, recipient, title, request.trackingUrl(), null, DeliveryStatus.PENDING)) {
                added++;
            }
        }
        return added;
    }

    private boolean store(NotificationRequested request, Recipient recipient, String title, String trackingUrl,
                          String unsubscribeUrl, DeliveryStatus status) {
        RenderedMail mail = composer.render(request, recipient, title, trackingUrl, unsubscribeUrl);
        Instant now = clock.instant();
        boolean added = deliveries.add(new Delivery(UUID.randomUUID(), request.notificationId(), recipient.key(),
                request.questionId(), request.kind(), recipient.address(), recipient.name(),
                composer.messageId(request.notificationId(), recipient.key()), mail.subject(), mail.text(),
                mail.html(), unsubscribeUrl, status, 0, status == DeliveryStatus.PENDING ? now : null,
                now.plus(settings.retry().giveUpAfter()), null, null, now, null, null, null, null));
        if (added && status == DeliveryStatus.SKIPPED_UNSUBSCRIBED) {
            log.info("The patient unsubscribed from optional mail: {} mail of notification {} is recorded, not sent",
                    request.kind(), request.notificationId());
        } else if (added) {
            log.info("Stored {} mail of notification {} for {}", request.kind(), request.notificationId(),
                    Delivery.PATIENT.equals(recipient.key()) ? "the patient" : "doctor " + recipient.key());
        } else {
            log.info("Notification {} was requested before: nothing new to send", request.notificationId());
        }
        return added;
    }
}
