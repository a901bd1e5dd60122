package io.askflow.reply;

import io.askflow.events.Specialty;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** The question is in a queue the caller does not work. */
public class NotYourSpecialtyException extends ErrorResponseException {

    public NotYourSpecialtyException(Specialty specialty) {
        super(HttpStatus.FORBIDDEN);
        getBody().setTitle("Not your specialty");
        getBody().setDetail("This question is in the " + specialty.displayName()
                + " queue, which is not one of your specialties.");
    }
}
