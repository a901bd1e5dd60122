package io.askflow.reply.reroute;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** A 400 naming the field, in the same shape as bean-validation errors: {@code errors: [{field, message}]}. */
class InvalidFieldException extends ErrorResponseException {

    InvalidFieldException(String field, String message) {
        super(HttpStatus.BAD_REQUEST);
        getBody().setTitle("Invalid request");
        getBody().setDetail(field + ": " + message);
        getBody().setProperty("errors", List.of(Map.of("field", field, "message", message)));
    }
}
