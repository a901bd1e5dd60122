package io.askflow.platform.web;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A request that no controller takes in the form it was sent (an unsupported media type, a wrong method, an
 * unacceptable response type) is refused before a controller is chosen, so {@link ApiProblems} never sees it:
 * answered here as {@code application/problem+json} on every path, pages' included, since whoever sends JSON to a
 * form or DELETE to a page is a program, not a browser.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class RequestMismatchProblems {

    @ExceptionHandler({HttpMediaTypeNotSupportedException.class, HttpRequestMethodNotSupportedException.class,
            HttpMediaTypeNotAcceptableException.class})
    ResponseEntity<ProblemDetail> mismatch(Exception refused) {
        ErrorResponse response = (ErrorResponse) refused;
        return ResponseEntity.status(response.getStatusCode())
                .headers(response.getHeaders())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(response.getBody());
    }
}
