package io.askflow.question;

import io.askflow.messaging.InvalidEventException;
import java.util.UUID;

/**
 * An event names a question this service never stored. Questions are stored before their first event is
 * published, so no retry can help: the record goes straight to its dead-letter topic, where operators see it,
 * instead of holding up the other questions of its partition while it is retried.
 */
public class UnknownQuestionException extends InvalidEventException {

    public UnknownQuestionException(UUID questionId) {
        super("No question " + questionId);
    }
}
