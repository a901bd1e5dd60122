package io.askflow.enrichment.enrich;

import io.askflow.messaging.EventTooEarlyException;
import java.util.UUID;

/** A reply arrived before its question's question.submitted (topics are not ordered): retried until it has. */
class QuestionNotYetKnown extends EventTooEarlyException {

    QuestionNotYetKnown(UUID questionId) {
        super("Question " + questionId + " is not known yet");
    }
}
