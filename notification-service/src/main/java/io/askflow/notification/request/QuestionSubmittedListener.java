package io.askflow.notification.request;

import io.askflow.events.QuestionSubmitted;
import io.askflow.events.Topics;
import io.askflow.messaging.InvalidEventException;
import io.askflow.messaging.ProcessedEvents;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Keeps the patient's contact of each question, for the mails the workflow requests later. */
@Component
class QuestionSubmittedListener {

    private final ProcessedEvents processedEvents;
    private final Contacts contacts;

    QuestionSubmittedListener(ProcessedEvents processedEvents, Contacts contacts) {
        this.processedEvents = processedEvents;
        this.contacts = contacts;
    }

    @Transactional
    @KafkaListener(topics = Topics.QUESTION_SUBMITTED)
    void on(QuestionSubmitted event) {
        if (!processedEvents.firstTime(event.eventId(), Topics.QUESTION_SUBMITTED)) {
            return;
        }
        if (event.contactEmail() == null || event.contactEmail().isBlank()) {
            throw new InvalidEventException("Question " + event.questionId() + " has no contact address");
        }
        contacts.remember(event);
    }
}
