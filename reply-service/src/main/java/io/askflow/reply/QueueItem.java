package io.askflow.reply;

import io.askflow.events.AgeRange;
import io.askflow.events.Gender;
import io.askflow.events.Specialty;
import java.time.Instant;
import java.util.UUID;

/**
 * A question as doctors see it. It never holds the patient's email.
 *
 * @param claimedBy     the doctor holding it while CLAIMED, else {@code null}
 * @param claimedByName that doctor's display name
 * @param rerouteTo     while REROUTING, the specialty a doctor asked the workflow to send it to
 */
public record QueueItem(UUID questionId, String title, String body, String nickname, AgeRange ageRange,
                        Gender gender, Specialty requestedSpecialty, boolean urgent, Instant askedAt,
                        Specialty specialty, String routedBy, int priority, Instant claimDueAt, Instant replyDueAt,
                        Instant queuedAt, Status status, UUID claimedBy, String claimedByName, Instant claimedAt,
                        Specialty rerouteTo) {

    /**
     * NEW: asked, not routed yet; OPEN: waiting in a queue; CLAIMED: a doctor holds it; ANSWERED: replied;
     * REROUTING: a doctor sent it to another specialty and the workflow has not placed it there yet; WITHDRAWN:
     * the patient took it back.
     */
    public enum Status {
        NEW, OPEN, CLAIMED, ANSWERED, REROUTING, WITHDRAWN
    }

    /** Doctors see a question once both its content and its queue placement have arrived. */
    public boolean visible() {
        return title != null && specialty != null && status != Status.NEW;
    }

    /** The next deadline: claiming while open, replying while claimed. */
    public Instant dueAt() {
        return status == Status.CLAIMED ? replyDueAt : claimDueAt;
    }

    /** Whether its next deadline has passed. */
    public boolean overdue(Instant now) {
        Instant due = dueAt();
        return due != null && (status == Status.OPEN || status == Status.CLAIMED) && due.isBefore(now);
    }
}
