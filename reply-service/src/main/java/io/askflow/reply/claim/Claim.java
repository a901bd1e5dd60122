package io.askflow.reply.claim;

import io.askflow.events.Specialty;
import java.time.Instant;
import java.util.UUID;

/** A doctor holds a question until they reply or release it; {@code replyDueAt} is their deadline. */
public record Claim(UUID questionId, UUID doctorId, String doctorName, Specialty specialty, Instant claimedAt,
                    Instant replyDueAt) {
}
