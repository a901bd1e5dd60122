package io.askflow.messaging;

/**
 * An event that came before the state it needs: topics are not ordered against each other, so the event it waits
 * for is on its way. The shared error handler retries it for {@code askflow.kafka.retry.too-early-for}, much longer
 * than other failures, before it dead-letters it: under load the other event can be many seconds behind, and a
 * dead-lettered reply would never reach its patient.
 */
public class EventTooEarlyException extends RuntimeException {

    public EventTooEarlyException(String message) {
        super(message);
    }
}
