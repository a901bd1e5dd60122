package io.askflow.enrichment.enrich;

import io.askflow.enrichment.Questions;
import io.askflow.events.QuestionSubmitted;
import io.askflow.events.Topics;
import io.askflow.messaging.Inbox;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Keeps the text of each question (not the patient's address), so its reply can be enriched and searched. */
@Component
class QuestionSubmittedListener {

    private final Inbox inbox;
    private final Questions questions;

    QuestionSubmittedListener(Inbox inbox, Questions questions) {
        this.inbox = inbox;
        this.questions = questions;
    }

    @KafkaListener(topics = Topics.QUESTION_SUBMITTED)
    void on(QuestionSubmitted event) {
        inbox.receive(event, Topics.QUESTION_SUBMITTED, () -> questions.asked(event));
    }
}
