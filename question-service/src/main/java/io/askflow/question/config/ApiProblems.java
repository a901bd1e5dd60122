package io.askflow.question.config;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.askflow.question.ratelimit.RateLimited;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every JSON error as {@code application/problem+json}: Spring's standard problems (415, 405, 406 …) plus a
 * field-by-field {@code errors} list for invalid input, 400 for unreadable JSON and 413 for a body that grew too
 * large while being read, 429 with {@code Retry-After} past the rate limit. Messages never repeat what was sent, so no email reaches a response or a log.
 */
@RestControllerAdvice
class ApiProblems extends ResponseEntityExceptionHandler {

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        List<FieldProblem> errors = ex.getFieldErrors().stream()
                .map(error -> new FieldProblem(error.getField(), error.getDefaultMessage()))
                .toList();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                errors.stream().map(FieldProblem::field).distinct().collect(Collectors.joining(", ", "Invalid fields: ", ".")));
        problem.setTitle("Invalid question");
        problem.setProperty("errors", errors);
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    /** Too many questions from one client: when to try again, in the header and in the problem. */
    @ExceptionHandler(RateLimited.class)
    ResponseEntity<ProblemDetail> rateLimited(RateLimited limited) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
                "Too many requests from your address. Please try again in " + limited.retryAfterSeconds()
                        + " seconds.");
        problem.setTitle("Too many requests");
        problem.setProperty("retryAfterSeconds", limited.retryAfterSeconds());
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(limited.retryAfterSeconds()))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        for (Throwable cause = ex.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof RequestBodyLimit.BodyTooLarge tooLarge) {
                return handleExceptionInternal(ex, RequestBodyLimit.tooLarge(tooLarge.limit), headers,
                        HttpStatus.PAYLOAD_TOO_LARGE, request);
            }
        }
        ProblemDetail problem;
        if (ex.getCause() instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            String field = mismatch.getPath().stream().map(JsonMappingException.Reference::getFieldName)
                    .filter(name -> name != null).collect(Collectors.joining("."));
            problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "A field has the wrong type.");
            problem.setTitle("Invalid question");
            problem.setProperty("errors", List.of(new FieldProblem(field, "has the wrong type")));
        } else {
            problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The request body is not valid JSON.");
            problem.setTitle("Malformed request");
        }
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }
}
