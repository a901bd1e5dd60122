package io.askflow.devstack.stack;

/** Stops a stack command with one sentence for the user (printed as {@code askflow: ...}, exit status 1). */
public class StackException extends RuntimeException {

    public StackException(String message) {
        super(message);
    }
}
