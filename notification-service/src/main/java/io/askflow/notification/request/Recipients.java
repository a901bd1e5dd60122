package io.askflow.notification.request;

import io.askflow.events.NotificationKind;
import io.askflow.events.NotificationRequested;
import io.askflow.events.Specialty;
import io.askflow.messaging.InvalidEventException;
import io.askflow.notification.Delivery;
import io.askflow.notification.mail.Recipient;
import io.askflow.notification.unsubscribe.UnsubscribeLinks;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Who the mails of a batch of requests go to: the question's patient, as question.submitted told us, or the active
 * doctors of a REMINDER's specialty. One query for the contacts, one per specialty for the doctors.
 */
@Component
class Recipients {

    private final Contacts contacts;
    private final Doctors doctors;
    private final UnsubscribeLinks unsubscribeLinks;

    Recipients(Contacts contacts, Doctors doctors, UnsubscribeLinks unsubscribeLinks) {
        this.contacts = contacts;
        this.doctors = doctors;
        this.unsubscribeLinks = unsubscribeLinks;
    }

    /**
     * The recipients of these requests.
     *
     * @param addressed the requests that can be addressed, in batch order
     * @param failures  the others, by position in the batch: a patient's mail whose question has not arrived yet
     *                  ({@link QuestionNotYetSubmittedException}, to be retried) and a REMINDER without a specialty
     *                  ({@link InvalidEventException}, never storable)
     */
    record Resolved(List<Addressed> addressed, Map<Integer, RuntimeException> failures) {
    }

    /** A request and its recipients: none for a REMINDER to a specialty without an active doctor. */
    record Addressed(NotificationRequested request, List<Addressee> to) {
    }

    /**
     * One recipient of a request, with what their mail shows.
     *
     * @param unsubscribeUrl the signed link of a patient's optional mail; {@code null} for mails always sent
     */
    record Addressee(Recipient recipient, String title, String trackingUrl, String unsubscribeUrl) {

        /** Whether the patient may have opted out of this mail. */
        boolean optional() {
            return unsubscribeUrl != null;
        }
    }

    Resolved resolve(List<NotificationRequested> requests) {
        Map<Integer, RuntimeException> failures = new TreeMap<>();
        Map<UUID, Contacts.Contact> contactOf = contacts.of(requests.stream()
                .filter(request -> request.kind() != NotificationKind.REMINDER)
                .map(NotificationRequested::questionId).collect(Collectors.toSet()));
        Map<Specialty, List<Doctors.Doctor>> doctorsIn = new EnumMap<>(Specialty.class);
        List<Addressed> addressed = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            NotificationRequested request = requests.get(i);
            if (request.kind() == NotificationKind.REMINDER && request.specialty() == null) {
                failures.put(i, new InvalidEventException("REMINDER " + request.notificationId()
                        + " names no specialty"));
            } else if (request.kind() == NotificationKind.REMINDER) {
                List<Doctors.Doctor> active = doctorsIn.computeIfAbsent(request.specialty(), doctors::activeIn);
                addressed.add(new Addressed(request, active.stream().map(doctor -> doctor(request, doctor)).toList()));
            } else if (!contactOf.containsKey(request.questionId())) {
                failures.put(i, new QuestionNotYetSubmittedException(request.questionId()));
            } else {
                addressed.add(new Addressed(request, List.of(patient(request, contactOf.get(request.questionId())))));
            }
        }
        return new Resolved(addressed, failures);
    }

    /** The request's title and link win; the ones the question arrived with fill the gaps. */
    private Addressee patient(NotificationRequested request, Contacts.Contact contact) {
        var recipient = new Recipient(Delivery.PATIENT, contact.email(), contact.nickname(), contact.language());
        String title = request.questionTitle() == null ? contact.title() : request.questionTitle();
        String trackingUrl = request.trackingUrl() == null ? contact.trackingUrl() : request.trackingUrl();
        String unsubscribeUrl = request.kind().optional()
                ? unsubscribeLinks.urlFor(request.questionId(), contact.email()) : null;
        return new Addressee(recipient, title, trackingUrl, unsubscribeUrl);
    }

    private static Addressee doctor(NotificationRequested request, Doctors.Doctor doctor) {
        var recipient = new Recipient(doctor.id().toString(), doctor.email(), doctor.name(), "en");
        return new Addressee(recipient, request.questionTitle() == null ? "" : request.questionTitle(),
                request.trackingUrl(), null);
    }
}
