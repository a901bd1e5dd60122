package io.askflow.question;

import io.askflow.events.Specialty;
import java.time.Instant;
import java.util.UUID;

/** The doctor's reply to a question, as reply-service posted it. */
public record Reply(UUID id, String body, String doctorName, Specialty specialty, Instant repliedAt) {
}
