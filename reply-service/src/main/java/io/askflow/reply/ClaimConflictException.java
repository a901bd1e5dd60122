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

    /**
     * The refusal for a question found in this state after the conditional update failed: a question that left
     * the queues says why; otherwise the caller's own title and detail.
     */
    public static ClaimConflictException inState(QueueItem.Status status, String title, String detail) {
        return switch (status) {
            case WITHDRAWN -> new ClaimConflictException("Question withdrawn",
                    "The patient withdrew this question; it can no longer be claimed or answered.");
            case REROUTING -> new ClaimConflictException("Question being re-routed",
                    "This question is on its way to another specialty.");
            case ANSWERED -> new ClaimConflictException("Question answered", "This question has been answered.");
            default -> new ClaimConflictException(title, detail);
        };
    }
}
