package io.askflow.notification.request;

import io.askflow.events.NotificationKind;
import io.askflow.events.NotificationRequested;
import io.askflow.events.Specialty;
import io.askflow.events.Topics;
import io.askflow.messaging.InvalidEventException;
import io.askflow.platform.QuestionLog;
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
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Stores the mails of requests, one per recipient, before anything is sent: a whole poll of requests in one
 * transaction, with a handful of statements. The notification id is the key: a duplicated or redelivered request
 * finds its mails stored and adds nothing, so it never sends a second mail. An optional mail to a patient who
 * unsubscribed is stored as SKIPPED_UNSUBSCRIBED, for the delivery log, and publishes nothing: the workflow waits
 * only for ANSWERED, which is always sent.
 */
@Service
public class RequestNotification {

    private static final Logger log = LoggerFactory.getLogger(RequestNotification.class);

    private final Contacts contacts;
    private final Doctors doctors;
    private final FirstTimeEvents firstTimeEvents;
    private final Deliveries deliveries;
    private final MailComposer composer;
    private final DeliveryWorker worker;
    private final MailSettings settings;
    private final UnsubscribeLinks unsubscribeLinks;
    private final Unsubscribes unsubscribes;
    private final Clock clock;

    RequestNotification(Contacts contacts, Doctors doctors, FirstTimeEvents firstTimeEvents, Deliveries deliveries,
                        MailComposer composer, DeliveryWorker worker, MailSettings settings,
                        UnsubscribeLinks unsubscribeLinks, Unsubscribes unsubscribes, Clock clock) {
        this.contacts = contacts;
        this.doctors = doctors;
        this.firstTimeEvents = firstTimeEvents;
        this.deliveries = deliveries;
        this.composer = composer;
        this.worker = worker;
        this.settings = settings;
        this.unsubscribeLinks = unsubscribeLinks;
        this.unsubscribes = unsubscribes;
        this.clock = clock;
    }

    /**
     * What storing a batch did.
     *
     * @param added    mails newly stored (0 for duplicates)
     * @param failures the requests that were not stored, by position in the batch: a patient's mail whose question
     *                 has not arrived yet ({@link QuestionNotYetSubmittedException}, to be retried) and a REMINDER
     *                 without a specialty ({@link InvalidEventException}, never storable). Nothing of them is
     *                 recorded, not even as processed; every other request is stored (or was before).
     */
    public record Stored(int added, Map<Integer, RuntimeException> failures) {
    }

    /** Stores the mails of these requests, and records them as processed, in one transaction. */
    @Transactional
    public Stored store(List<NotificationRequested> requests) {
        Map<Integer, RuntimeException> failures = new TreeMap<>();
        Map<UUID, Contacts.Contact> contactOf = contacts.of(requests.stream()
                .filter(request -> request.kind() != NotificationKind.REMINDER)
                .map(NotificationRequested::questionId).collect(Collectors.toSet()));
        Map<Specialty, List<Doctors.Doctor>> doctorsIn = new EnumMap<>(Specialty.class);
        List<NotificationRequested> storable = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            NotificationRequested request = requests.get(i);
            if (request.kind() == NotificationKind.REMINDER && request.specialty() == null) {
                failures.put(i, new InvalidEventException("REMINDER " + request.notificationId()
                        + " names no specialty"));
            } else if (request.kind() != NotificationKind.REMINDER && !contactOf.containsKey(request.questionId())) {
                failures.put(i, new QuestionNotYetSubmittedException(request.questionId()));
            } else {
                if (request.kind() == NotificationKind.REMINDER) {
                    doctorsIn.computeIfAbsent(request.specialty(), doctors::activeIn);
                }
                storable.add(request);
            }
        }
        Set<UUID> firstTime = firstTimeEvents.record(storable.stream().map(NotificationRequested::eventId).toList(),
                Topics.NOTIFICATION_REQUESTED);
        List<NotificationRequested> fresh = new ArrayList<>();
        for (NotificationRequested request : storable) {
            if (firstTime.remove(request.eventId())) {      // once, even if this batch holds the event twice
                fresh.add(request);
            }
        }
        Set<String> unsubscribed = unsubscribes.coveredAmong(fresh.stream()
                .filter(request -> request.kind().optional())
                .map(request -> contactOf.get(request.questionId()).email()).collect(Collectors.toSet()));
        Instant now = clock.instant();
        List<Delivery> mails = new ArrayList<>();
        for (NotificationRequested request : fresh) {
            if (request.kind() == NotificationKind.REMINDER) {
                remindDoctors(request, doctorsIn.get(request.specialty()), now, mails);
            } else {
                tellPatient(request, contactOf.get(request.questionId()), unsubscribed, now, mails);
            }
        }
        List<Delivery> added = deliveries.addAll(mails);
        logOutcome(mails, added);
        if (!added.isEmpty() && TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    worker.wakeUp();
                }
            });
        }
        return new Stored(added.size(), failures);
    }

    private void tellPatient(NotificationRequested request, Contacts.Contact contact, Set<String> unsubscribed,
                             Instant now, List<Delivery> mails) {
        String title = request.questionTitle() == null ? contact.title() : request.questionTitle();
        String trackingUrl = request.trackingUrl() == null ? contact.trackingUrl() : request.trackingUrl();
        var patient = new Recipient(Delivery.PATIENT, contact.email(), contact.nickname(), contact.language());
        if (!request.kind().optional()) {
            mails.add(mail(request, patient, title, trackingUrl, null, DeliveryStatus.PENDING, now));
            return;
        }
        String unsubscribeUrl = unsubscribeLinks.urlFor(request.questionId(), contact.email());
        DeliveryStatus status = unsubscribed.contains(contact.email())
                ? DeliveryStatus.SKIPPED_UNSUBSCRIBED : DeliveryStatus.PENDING;
        mails.add(mail(request, patient, title, trackingUrl, unsubscribeUrl, status, now));
    }

    private void remindDoctors(NotificationRequested request, List<Doctors.Doctor> active, Instant now,
                               List<Delivery> mails) {
        if (active.isEmpty()) {
            log.warn("No active {} doctor with an address: reminder {} reaches nobody", request.specialty(),
                    request.notificationId());
        }
        String title = request.questionTitle() == null ? "" : request.questionTitle();
        for (Doctors.Doctor doctor : active) {
            var recipient = new Recipient(doctor.id().toString(), doctor.email(), doctor.name(), "en");
            mails.add(mail(request, recipient, title, request.trackingUrl(), null, DeliveryStatus.PENDING, now));
        }
    }

    private Delivery mail(NotificationRequested request, Recipient recipient, String title, String trackingUrl,
                          String unsubscribeUrl, DeliveryStatus status, Instant now) {
        RenderedMail mail = composer.render(request, recipient, title, trackingUrl, unsubscribeUrl);
        return new Delivery(UUID.randomUUID(), request.notificationId(), recipient.key(), request.questionId(),
                request.kind(), recipient.address(), recipient.name(),
                composer.messageId(request.notificationId(), recipient.key()), mail.subject(), mail.text(),
                mail.html(), unsubscribeUrl, status, 0, status == DeliveryStatus.PENDING ? now : null,
                now.plus(settings.retry().giveUpAfter()), null, null, now, null, null, null, null);
    }

    private static void logOutcome(List<Delivery> mails, List<Delivery> added) {
        Set<UUID> addedIds = new HashSet<>(added.stream().map(Delivery::id).toList());
        for (Delivery mail : mails) {
            try (var logged = QuestionLog.about(mail.questionId())) {
                if (!addedIds.contains(mail.id())) {
                    log.info("Notification {} was requested before: nothing new to send", mail.notificationId());
                } else if (mail.status() == DeliveryStatus.SKIPPED_UNSUBSCRIBED) {
                    log.info("The patient unsubscribed from optional mail: {} mail of notification {} is recorded, "
                            + "not sent", mail.kind(), mail.notificationId());
                } else {
                    log.info("Stored {} mail of notification {} for {}", mail.kind(), mail.notificationId(),
                            Delivery.PATIENT.equals(mail.recipientKey()) ? "the patient"
                                    : "doctor " + mail.recipientKey());
                }
            }
        }
    }
}
