package io.askflow.workflow.lifecycle;

import java.util.UUID;

/**
 * Another transaction changed the same process instance first (the engine's optimistic locking). The caller's
 * transaction is lost; running it again in a new one usually succeeds.
 */
public class ConcurrentUpdateException extends RuntimeException {

    ConcurrentUpdateException(UUID questionId, Throwable cause) {
        super("Question " + questionId + " was changed concurrently", cause);
    }
}
