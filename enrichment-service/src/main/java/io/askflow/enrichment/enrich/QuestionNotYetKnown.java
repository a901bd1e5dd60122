package io.askflow.enrichment.enrich;

import java.util.UUID;

/** A reply arrived before its question's question.submitted (topics are not ordered): retried with back-off. */
class QuestionNotYetKnown extends RuntimeException {

    QuestionNotYetKnown(UUID questionId) {
        super("Question " + questionId + " is not known yet");
    }
}
