package io.askflow.platform.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.askflow.platform.StorageUnavailable;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of every service's JSON API as {@code application/problem+json}: Spring's standard problems and the
 * services' own {@code ErrorResponseException}s, plus a field-by-field {@code errors} list for invalid input, 400
 * naming the field of a wrongly typed JSON value, 413 for a body that grew too large while being read, and 503 with
 * {@code Retry-After} while the database cannot be reached. Details never repeat what was sent, so no patient's
 * email reaches a response or a log.
 * <p>
 * Only {@code @RestController}s: pages answer their own errors with error pages, and their forms re-show what was
 * typed. Requests refused before any controller is chosen are {@link RequestMismatchProblems}' part.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ApiProblems extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        List<FieldProblem> errors = ex.getFieldErrors().stream()
                .map(error -> new FieldProblem(error.getField(),
                        Objects.requireNonNullElse(error.getDefaultMessage(), "is invalid")))
                .toList();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, errors.stream()
                .map(FieldProblem::field).distinct().collect(Collectors.joining(", ", "Invalid fields: ", ".")));
        problem.setTitle("Invalid request");
        problem.setProperty("errors", errors);
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        for (Throwable cause = ex.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof BodyTooLarge tooLarge) {
                return handleExceptionInternal(ex, BodyTooLarge.problem(tooLarge.limit()), headers,
                        HttpStatus.PAYLOAD_TOO_LARGE, request);
            }
        }
        ProblemDetail problem;
        if (ex.getCause() instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            String field = mismatch.getPath().stream().map(JsonMappingException.Reference::getFieldName)
                    .filter(Objects::nonNull).collect(Collectors.joining("."));
            problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "A field has the wrong type.");
            problem.setTitle("Invalid request");
            problem.setProperty("errors", List.of(new FieldProblem(field, "has the wrong type")));
        } else {
            problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The request body is not valid JSON.");
            problem.setTitle("Malformed request");
        }
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    /**
     * The database cannot be reached: the request was fine, nothing of it was stored, and it may be sent again. Any
     * other failure of these kinds goes on as before (a 500).
     */
    @ExceptionHandler({CannotCreateTransactionException.class, DataAccessResourceFailureException.class,
            TransactionSystemException.class})
    ResponseEntity<ProblemDetail> storageUnavailable(RuntimeException failure) {
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
