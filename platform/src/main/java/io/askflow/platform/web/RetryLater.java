package io.askflow.platform.web;

import io.askflow.platform.StorageUnavailable;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * A form's answer when the database cannot be reached: 503 with {@code Retry-After}; the form then shows again with
 * what was typed, so nothing the patient or doctor wrote is lost. Any other failure is thrown on.
 */
public final class RetryLater {

    private static final Logger log = LoggerFactory.getLogger(RetryLater.class);

    private RetryLater() {
    }

    /** Sets the 503 on {@code response} if {@code failure} is an outage of the database, else rethrows it. */
    public static void answer(RuntimeException failure, HttpServletResponse response, String form) {
        if (!StorageUnavailable.is(failure)) {
            throw failure;
        }
        log.warn("Database unreachable, {} answered 503: {}", form, failure.getMessage());
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(StorageUnavailable.RETRY_AFTER_SECONDS));
    }
}
