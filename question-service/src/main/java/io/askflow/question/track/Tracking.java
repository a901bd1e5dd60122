package io.askflow.question.track;

import io.askflow.events.Specialty;
import io.askflow.events.Step;
import io.askflow.question.Enrichment;
import io.askflow.question.Question;
import io.askflow.question.TimelineStep;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What the patient holding the tracking link sees of their question; never the email.
 *
 * @param urgent      the text shows warning signs: the page tells the patient to seek care now
 * @param statusText  the status in plain words
 * @param specialty   the assigned specialty's name once routed, else {@code null}
 * @param doctorName  the doctor holding or having answered the question, else {@code null}
 * @param publicUrl   the path of the public Q&A page once it is published, else {@code null}
 * @param withdrawable the patient may still withdraw the question (no doctor has taken it)
 * @param reply       {@code null} until answered
 * @param enrichment  {@code null} until enrichment reported
 */
public record Tracking(UUID id, String title, String body, String nickname, String ageRange, String gender,
                       Instant askedAt, String requestedSpecialty, boolean consentToPublish, boolean urgent, Step status,
                       String statusText, String specialty, String doctorName, List<TimelineStep> timeline,
                       ReplyView reply, Enrichment enrichment, String publicUrl, boolean withdrawable) {

    /** Steps before the reply: a reply that arrived before the workflow's REPLIED step is shown as answered. */
    private static final Set<Step> WAITING = EnumSet.of(Step.ASKED, Step.ROUTED, Step.REROUTED, Step.CLAIMED,
            Step.RELEASED, Step.REMINDED, Step.OVERDUE, Step.ESCALATED);

    /** The reply as the patient reads it. */
    public record ReplyView(String body, String doctorName, String specialty, Instant repliedAt) {
    }

    static Tracking of(Question q, List<TimelineStep> timeline) {
        Specialty assigned = q.answered() && q.reply().specialty() != null ? q.reply().specialty() : q.specialty();
        return new Tracking(q.id(), q.title(), q.body(), q.nickname(), q.ageRange().label(), q.gender().label(),
                q.askedAt(), name(q.requestedSpecialty()), q.consentToPublish(), q.urgent(), q.status(),
                statusText(q.answered() && WAITING.contains(q.status()) ? Step.REPLIED : q.status(), assigned), name(assigned), q.doctorName(), timeline,
                q.answered() ? new ReplyView(q.reply().body(), q.reply().doctorName(), name(q.reply().specialty()),
                        q.reply().repliedAt()) : null,
                q.enrichment(), q.published() ? "/questions/" + q.id() : null, q.withdrawable());
    }

    private static String statusText(Step status, Specialty specialty) {
        String queue = specialty == null ? "a doctor" : "a doctor of " + specialty.displayName();
        return switch (status) {
            case ASKED -> "Received: we are finding the right specialty for your question.";
            case ROUTED, REROUTED -> "Waiting for " + queue + " to take your question.";
            case RELEASED -> "Waiting for another doctor to take your question.";
            case CLAIMED -> "A doctor is writing your reply.";
            case REPLIED, ENRICHED -> "Answered: the doctor's reply is below.";
            case NOTIFIED -> "Answered: the reply is below, and we have emailed you about it.";
            case WITHDRAWN -> "Withdrawn: this question will not be answered.";
            case REMINDED, OVERDUE, ESCALATED, FAILED -> "Waiting for " + queue + ".";
        };
    }

    private static String name(Specialty specialty) {
        return specialty == null ? null : specialty.displayName();
    }
}
