package io.askflow.notification.request;

import io.askflow.events.DoctorUpdated;
import io.askflow.events.Topics;
import io.askflow.messaging.ProcessedEvents;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Keeps the doctor directory that reminders are sent from. */
@Component
class DoctorUpdatedListener {

    private final ProcessedEvents processedEvents;
    private final Doctors doctors;

    DoctorUpdatedListener(ProcessedEvents processedEvents, Doctors doctors) {
        this.processedEvents = processedEvents;
        this.doctors = doctors;
    }

    @Transactional
    @KafkaListener(topics = Topics.DOCTOR_UPDATED)
    void on(DoctorUpdated event) {
        if (!processedEvents.firstTime(event.eventId(), Topics.DOCTOR_UPDATED)) {
            return;
        }
        doctors.update(event);
    }
}
