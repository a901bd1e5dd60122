package io.askflow.notification.request;

import io.askflow.messaging.EventTooEarlyException;
import java.util.UUID;

/**
 * A patient's mail was requested before this service saw the question (topics are not ordered against each
 * other): thrown so the request is parked and replayed until {@code question.submitted} has arrived.
 */
class QuestionNotYetSubmittedException extends EventTooEarlyException {

    QuestionNotYetSubmittedException(UUID questionId) {
        super("No question.submitted seen yet for question " + questionId);
    }
}
