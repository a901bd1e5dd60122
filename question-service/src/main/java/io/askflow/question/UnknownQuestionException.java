package io.askflow.question;

import java.util.UUID;

/**
 * An event names a question this service never stored. Questions are stored before their first event is
 * published, so this is poison: the record is retried, then dead-lettered where operators see it.
 */
public class UnknownQuestionException extends RuntimeException {

    public UnknownQuestionException(UUID questionId) {
        super("No question " + questionId);
    }
}
