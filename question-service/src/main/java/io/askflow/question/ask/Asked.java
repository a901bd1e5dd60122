package io.askflow.question.ask;

import io.askflow.events.Step;
import java.time.Instant;
import java.util.UUID;

/**
 * The answer to a new question: the token is the patient's only key to follow it.
 *
 * @param urgent the text shows warning signs: the patient should seek care now, not wait for the reply
 */
public record Asked(UUID id, String trackingToken, Step status, Instant askedAt, boolean urgent) {
}
