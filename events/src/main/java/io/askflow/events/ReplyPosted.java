package io.askflow.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** The doctor holding the claim replied. */
public record ReplyPosted(UUID eventId, UUID questionId, Instant occurredAt, UUID replyId, UUID doctorId,
                          String doctorName, Specialty specialty, String body) implements QuestionEvent {

    public ReplyPosted {
        Events.requireIdentity(eventId, questionId, occurredAt);
        Objects.requireNonNull(replyId, "replyId");
        Objects.requireNonNull(body, "body");
    }
}
