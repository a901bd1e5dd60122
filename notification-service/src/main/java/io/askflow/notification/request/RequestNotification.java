package io.askflow.notification.request;

import io.askflow.events.NotificationKind;
import io.askflow.events.NotificationRequested;
import io.askflow.events.Topics;
import io.askflow.messaging.InvalidEventException;
import io.askflow.messaging.ProcessedEvents;
import io.askflow.notification.Delivery;
import io.askflow.notification.DeliveryStatus;
import io.askflow.notification.mail.MailComposer;
import io.askflow.notification.mail.StoreMails;
import io.askflow.notification.unsubscribe.Unsubscribes;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

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

    private final Recipients recipients;
    private final ProcessedEvents processedEvents;
    private final Unsubscribes unsubscribes;
    private final MailComposer composer;
    private final StoreMails mails;
    private final Clock clock;

    RequestNotification(Recipients recipients, ProcessedEvents processedEvents, Unsubscribes unsubscribes,
                        MailComposer composer, StoreMails mails, Clock clock) {
        this.recipients = recipients;
        this.processedEvents = processedEvents;
        this.unsubscribes = unsubscribes;
        this.composer = composer;
        this.mails = mails;
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
        Recipients.Resolved resolved = recipients.resolve(requests);
        List<Recipients.Addressed> fresh = firstTimeOnly(resolved.addressed());
        Set<String> unsubscribed = unsubscribes.coveredAmong(fresh.stream()
                .flatMap(addressed -> addressed.to().stream())
                .filter(Recipients.Addressee::optional)
                .map(addressee -> addressee.recipient().address()).collect(Collectors.toSet()));
        Instant now = clock.instant();
        List<Delivery> composed = new ArrayList<>();
        for (Recipients.Addressed addressed : fresh) {
            NotificationRequested request = addressed.request();
            if (request.kind() == NotificationKind.REMINDER && addressed.to().isEmpty()) {
                log.warn("No active {} doctor with an address: reminder {} reaches nobody", request.specialty(),
                        request.notificationId());
            }
            for (Recipients.Addressee to : addressed.to()) {
                DeliveryStatus status = to.optional() && unsubscribed.contains(to.recipient().address())
                        ? DeliveryStatus.SKIPPED_UNSUBSCRIBED : DeliveryStatus.PENDING;
                composed.add(composer.compose(request, to.recipient(), to.title(), to.trackingUrl(),
                        to.unsubscribeUrl(), status, now));
            }
        }
        return new Stored(mails.store(composed), resolved.failures());
    }

    /** The requests whose event is new, each once, even if this batch holds the event twice. */
    private List<Recipients.Addressed> firstTimeOnly(List<Recipients.Addressed> addressed) {
        Set<UUID> firstTime = processedEvents.firstTime(addressed.stream()
                .map(request -> request.request().eventId()).toList(), Topics.NOTIFICATION_REQUESTED);
        List<Recipients.Addressed> fresh = new ArrayList<>();
        for (Recipients.Addressed request : addressed) {
            if (firstTime.remove(request.request().eventId())) {
                fresh.add(request);
            }
        }
        return fresh;
    }
}
