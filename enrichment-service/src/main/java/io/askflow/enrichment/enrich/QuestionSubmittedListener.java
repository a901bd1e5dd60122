package io.askflow.enrichment.enrich;

import io.askflow.enrichment.Questions;
import io.askflow.events.QuestionSubmitted;
import io.askflow.events.Topics;
import io.askflow.messaging.ProcessedEvents;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Keeps the text of each question (not the patient's address), so its reply can be enriched and searched. */
@Component
class QuestionSubmittedListener {

    private final ProcessedEvents processedEvents;
    private final Questions questions;

    QuestionSubmittedListener(ProcessedEvents processedEvents, Questions questions) {
        this.processedEvents = processedEvents;
        this.questions = questions;
    }

    @Transactional
    @KafkaListener(topics = Topics.QUESTION_SUBMITTED)
    void on(QuestionSubmitted event) {
        if (!processedEvents.firstTime(event.eventId(), Topics.QUESTION_SUBMITTED)) {
            return;
        }
        questions.asked(event);
    }
}
