package io.askflow.messaging;

import java.util.function.Predicate;

/** What a listener's failure was caused by, for the error handler, parking and logs. */
final class Failures {

    static boolean causedBy(Throwable exception, Predicate<Throwable> kind) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (kind.test(cause)) {
                return true;
            }
        }
        return false;
    }

    static boolean tooEarly(Throwable exception) {
        return causedBy(exception, EventTooEarlyException.class::isInstance);
    }

    static String rootMessage(Throwable exception) {
        Throwable root = exception;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    private Failures() {
    }
}
