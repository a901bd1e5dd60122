package io.askflow.reply.queue;

import io.askflow.events.Specialty;
import io.askflow.reply.QueueItem;
import java.time.Instant;
import java.util.UUID;

/**
 * One question in a doctor's queue.
 *
 * @param dueAt the next deadline: to claim while open, to reply while claimed
 */
record QueueEntry(UUID id, String title, String ageRange, String gender, Specialty specialty, int priority,
                  boolean urgent, Instant askedAt, Instant queuedAt, Instant claimDueAt, Instant dueAt,
                  boolean overdue, QueueItem.Status status, String claimedBy) {

    static QueueEntry of(QueueItem item, Instant now) {
        return new QueueEntry(item.questionId(), item.title(),
                item.ageRange() == null ? null : item.ageRange().label(),
                item.gender() == null ? null : item.gender().label(), item.specialty(), item.priority(),
                item.urgent(), item.askedAt(), item.queuedAt(), item.claimDueAt(), item.dueAt(), item.overdue(now),
                item.status(), item.claimedByName());
    }
}
