package io.askflow.enrichment;

import io.askflow.events.Specialty;
import java.util.UUID;

/**
 * A patient question with its latest reply, as enrichment keeps it (never the patient's address). Only those
 * whose asker consented to publishing, and withdrew neither that consent nor the question, are searchable:
 * {@code consentToPublish} is false once either was withdrawn.
 */
public record AnsweredQuestion(UUID questionId, String title, String body, boolean consentToPublish,
                               UUID replyId, String doctorName, Specialty specialty, String replyBody) {
}
