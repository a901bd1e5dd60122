package io.askflow.platform.web;

import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * Thrown while a request body is read once it has passed its service's limit (a body sent in chunks has no
 * declared length to refuse it by at once); {@link ApiProblems} answers it with 413.
 */
public class BodyTooLarge extends IOException {

    private final long limit;

    public BodyTooLarge(long limit) {
        super("Request body larger than " + limit + " bytes");
        this.limit = limit;
    }

    /** The 413 problem for a body over {@code limit} bytes. */
    public static ProblemDetail problem(long limit) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE,
                "The request body is larger than " + limit / 1024 + " KiB.");
        problem.setTitle("Request too large");
        return problem;
    }

    public long limit() {
        return limit;
    }
}
