package io.askflow.reply.queue;

import io.askflow.events.Specialty;
import io.askflow.reply.QueueItem;
import java.time.Instant;
import java.util.UUID;

/** A question with its text, as a doctor of its specialty sees it (never the patient's email). */
record QuestionDetails(UUID id, String title, String body, String nickname, String ageRange, String gender,
                       Specialty requestedSpecialty, Specialty specialty, String routedBy, int priority,
                       boolean urgent, Instant askedAt, Instant queuedAt, Instant claimDueAt, Instant replyDueAt,
                       QueueItem.Status status, String claimedBy, boolean heldByMe) {

    static QuestionDetails of(QueueItem item, UUID me) {
        return new QuestionDetails(item.questionId(), item.title(), item.body(), item.nickname(),
                item.ageRange() == null ? null : item.ageRange().label(),
                item.gender() == null ? null : item.gender().label(), item.requestedSpecialty(), item.specialty(),
                item.routedBy(), item.priority(), item.urgent(), item.askedAt(), item.queuedAt(), item.claimDueAt(),
                item.replyDueAt(), item.status(), item.claimedByName(),
                item.status() == QueueItem.Status.CLAIMED && me.equals(item.claimedBy()));
    }
}
