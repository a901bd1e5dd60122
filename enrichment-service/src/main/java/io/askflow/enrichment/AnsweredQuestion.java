package io.askflow.enrichment;

import io.askflow.events.Specialty;
import java.util.UUID;

/**
 * A patient question with its latest reply, as enrichment keeps it (never the patient's address). Only those
 * whose asker consented to publishing are searchable.
 */
public record AnsweredQuestion(UUID questionId, String title, String body, boolean consentToPublish,
                               UUID replyId, String doctorName, Specialty specialty, String replyBody) {
}
