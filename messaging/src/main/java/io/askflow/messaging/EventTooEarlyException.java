package io.askflow.messaging;

/**
 * An event that came before the state it needs: topics are not ordered against each other, so the event it waits
 * for is on its way. The shared error handler parks it ({@link EventParking}) so that later records of its partition
 * go on, and replays it until {@code askflow.kafka.retry.too-early-for} has passed, much longer than other failures
 * are retried, before it dead-letters it: under load the other event can be many seconds behind, and a
 * dead-lettered reply would never reach its patient. Throw it before the listener changes anything (or roll back).
 */
public class EventTooEarlyException extends RuntimeException {

    public EventTooEarlyException(String message) {
        super(message);
    }
}
