package io.askflow.question.ratelimit;

import java.time.Duration;

/** A client passed its limit; it may try again after {@link #retryAfter()}. Nothing of the action was kept. */
public class RateLimited extends RuntimeException {

    private final Duration retryAfter;

    RateLimited(Duration retryAfter) {
        super("Rate limit reached; retry after " + retryAfter.toSeconds() + " s");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    /** For the {@code Retry-After} header: whole seconds, at least one. */
    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}
