package io.askflow.reply;

import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** No question with this id is in any queue (yet). */
public class QuestionNotFoundException extends ErrorResponseException {

    public QuestionNotFoundException(UUID questionId) {
        super(HttpStatus.NOT_FOUND);
        getBody().setTitle("Question not found");
        getBody().setDetail("No question " + questionId + " is in a queue.");
    }
}
