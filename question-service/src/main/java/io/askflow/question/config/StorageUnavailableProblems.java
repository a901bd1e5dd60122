package io.askflow.question.config;

import io.askflow.messaging.StorageUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * JSON clients get a 503 problem with {@code Retry-After} when the database cannot be reached, instead of a bare
 * 500: the request was fine, nothing was stored, and it may be sent again. Pages have their own answer (the ask
 * form keeps what the patient wrote).
 */
@RestControllerAdvice(annotations = RestController.class)
class StorageUnavailableProblems {

    private static final Logger log = LoggerFactory.getLogger(StorageUnavailableProblems.class);

    /** The failures {@link StorageUnavailable#is} looks at; any other goes on as before (a 500). */
    @ExceptionHandler({CannotCreateTransactionException.class, DataAccessResourceFailureException.class,
            TransactionSystemException.class})
    ResponseEntity<ProblemDetail> unavailable(RuntimeException failure) {
        if (!StorageUnavailable.is(failure)) {
            throw failure;
        }
        log.warn("Database unreachable, answered 503: {}", failure.getMessage());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "We cannot store anything just now, and nothing of this request was stored. Please send it again in "
                        + "a minute.");
        problem.setTitle("Temporarily unavailable");
        problem.setProperty("retryAfterSeconds", StorageUnavailable.RETRY_AFTER_SECONDS);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(StorageUnavailable.RETRY_AFTER_SECONDS))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
