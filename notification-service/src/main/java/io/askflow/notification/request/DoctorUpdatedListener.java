package io.askflow.notification.request;

import io.askflow.events.DoctorUpdated;
import io.askflow.events.Topics;
import io.askflow.messaging.Inbox;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Keeps the doctor directory that reminders are sent from. */
@Component
class DoctorUpdatedListener {

    private final Inbox inbox;
    private final Doctors doctors;

    DoctorUpdatedListener(Inbox inbox, Doctors doctors) {
        this.inbox = inbox;
        this.doctors = doctors;
    }

    @KafkaListener(topics = Topics.DOCTOR_UPDATED)
    void on(DoctorUpdated event) {
        inbox.receive(event, Topics.DOCTOR_UPDATED, () -> doctors.update(event));
    }
}
