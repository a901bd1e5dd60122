package io.askflow.question.ratelimit;

import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * A client passed its limit; it may try again after {@link #retryAfter()}. Nothing of the action was kept. The
 * JSON API answers it as it is (429, {@code Retry-After}, the problem below); the forms show it on the page.
 */
public class RateLimited extends ErrorResponseException {

    private final Duration retryAfter;

    RateLimited(Duration retryAfter) {
        super(HttpStatus.TOO_MANY_REQUESTS);
        this.retryAfter = retryAfter;
        getBody().setTitle("Too many requests");
        getBody().setDetail("Too many requests from your address. Please try again in " + retryAfterSeconds()
                + " seconds.");
        getBody().setProperty("retryAfterSeconds", retryAfterSeconds());
        getHeaders().set(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfterSeconds()));
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    /** For the {@code Retry-After} header: whole seconds, at least one. */
    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}
