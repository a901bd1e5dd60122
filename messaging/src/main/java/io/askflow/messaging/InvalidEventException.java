package io.askflow.messaging;

/** An event that can never be processed, however often it is retried: it goes straight to the dead letters. */
public class InvalidEventException extends RuntimeException {

    public InvalidEventException(String message) {
        super(message);
    }
}
