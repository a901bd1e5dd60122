package io.askflow.workflow.routing.classifier;

import io.askflow.events.Specialty;

/**
 * What the classifier suggests for a question: a specialty and how sure it is, from 0 (nothing matched:
 * {@link Specialty#GENERAL_MEDICINE}) to 1 (every matched term points to the same specialty).
 */
public record Suggestion(Specialty specialty, double confidence) {

    public Suggestion {
        if (specialty == null) {
            throw new IllegalArgumentException("specialty is required");
        }
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence must be within 0..1, was " + confidence);
        }
    }

    static Suggestion none() {
        return new Suggestion(Specialty.GENERAL_MEDICINE, 0);
    }

    /** True when routing may follow the suggestion rather than send the question to triage. */
    public boolean passes(double threshold) {
        return specialty != Specialty.GENERAL_MEDICINE && confidence >= threshold;
    }
}
