package io.askflow.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The official date of one step of a question's life, published by the workflow.
 *
 * @param detail why the step happened where that matters (an escalation's reason, an empty enrichment's cause),
 *               else {@code null}
 */
public record QuestionProgressed(UUID eventId, UUID questionId, Instant occurredAt, Step step, Instant at,
                                 Specialty specialty, String detail) implements QuestionEvent {

    public QuestionProgressed {
        Events.requireIdentity(eventId, questionId, occurredAt);
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(at, "at");
    }
}
