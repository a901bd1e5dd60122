package io.askflow.notification.mail;

import io.askflow.notification.Addresses;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;

/**
 * Why an attempt failed and whether trying again can help. Permanent: the server refused with a 5xx reply, or the
 * address is not an address. Everything else (server down, timeouts, 4xx) is transient.
 *
 * @param error        what went wrong, addresses masked
 * @param smtpResponse the server's reply line, if it gave one (addresses masked)
 */
public record SendFailure(boolean permanent, String error, String smtpResponse) {

    private static final int MAX_TEXT = 1000;

    public static SendFailure of(Exception exception) {
        String error = clip(Addresses.maskAll(exception.getClass().getSimpleName() + ": " + exception.getMessage()));
        for (Throwable cause = exception; cause != null; cause = next(cause)) {
            if (cause instanceof AddressException) {
                return new SendFailure(true, error, null);
            }
            int code = returnCode(cause);
            if (code > 0) {
                return new SendFailure(code >= 500 && code < 600, error,
                        clip(Addresses.maskAll(cause.getMessage())));
            }
        }
        return new SendFailure(false, error, null);
    }

    private static int returnCode(Throwable cause) {
        if (cause instanceof SMTPAddressFailedException failed) {
            return failed.getReturnCode();
        }
        if (cause instanceof SMTPSenderFailedException failed) {
            return failed.getReturnCode();
        }
        if (cause instanceof SMTPSendFailedException failed) {
            return failed.getReturnCode();
        }
        return -1;
    }

    /** Jakarta Mail chains the per-address failures with {@code getNextException}, not always as the cause. */
    private static Throwable next(Throwable cause) {
        if (cause instanceof MessagingException messaging && messaging.getNextException() != null
                && messaging.getNextException() != cause) {
            return messaging.getNextException();
        }
        return cause.getCause() == cause ? null : cause.getCause();
    }

    private static String clip(String text) {
        return text == null || text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT) + "…";
    }
}
