package io.askflow.platform.security;

/**
 * A login refused because its account or its address had too many failed logins lately.
 *
 * @param retryAfterSeconds when it may be tried again, as in the {@code Retry-After} header
 */
public record LoginRefusal(long retryAfterSeconds) {

    /** Minutes to wait, rounded up, for pages. */
    public long retryAfterMinutes() {
        return (retryAfterSeconds + 59) / 60;
    }

    /** What the client is told; it does not say which of the two, account or address, was throttled. */
    public String message() {
        return "Too many failed logins for this account or from this address. Try again in " + retryAfterSeconds
                + " seconds.";
    }
}
