package io.askflow.reply;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** The question is not in the state the action needs: someone else holds it, or the caller does not. */
public class ClaimConflictException extends ErrorResponseException {

    public ClaimConflictException(String title, String detail) {
        super(HttpStatus.CONFLICT);
        getBody().setTitle(title);
        getBody().setDetail(detail);
    }
}
