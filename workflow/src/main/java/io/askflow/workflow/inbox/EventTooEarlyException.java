package io.askflow.workflow.inbox;

/**
 * The process has not reached the wait this event is for (topics are not ordered against each other). Thrown so
 * that the shared error handler retries the record with back-off, then dead-letters it.
 */
class EventTooEarlyException extends RuntimeException {

    EventTooEarlyException(String message) {
        super(message);
    }
}
