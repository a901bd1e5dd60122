package io.askflow.reply.claim;

import io.askflow.events.QuestionClaimed;
import io.askflow.events.QuestionReleased;
import io.askflow.reply.ClaimConflictException;
import io.askflow.reply.DoctorQuestions;
import io.askflow.reply.NotYourSpecialtyException;
import io.askflow.reply.QueueItem;
import io.askflow.reply.QueueItems;
import io.askflow.reply.doctor.Doctor;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Claims and releases. The conditional UPDATE decides who wins; the event is committed with it (outbox), so the
 * workflow learns of exactly the claims that happened.
 */
@Service
public class ClaimQuestion {

    private static final Logger log = LoggerFactory.getLogger(ClaimQuestion.class);

    private final DoctorQuestions questions;
    private final QueueItems items;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ClaimQuestion(DoctorQuestions questions, QueueItems items, ApplicationEventPublisher events, Clock clock) {
        this.questions = questions;
        this.items = items;
        this.events = events;
        this.clock = clock;
    }

    /** 404 unknown, 403 another specialty, 409 if it is not open (held, answered, re-routed or withdrawn). */
    @Transactional
    public Claim claim(Doctor doctor, UUID questionId) {
        QueueItem item = questions.visibleTo(doctor, questionId);
        if (!doctor.covers(item.specialty())) {
            throw new NotYourSpecialtyException(item.specialty());
        }
        Instant now = clock.instant();
        if (!items.claim(questionId, item.specialty(), doctor.id(), now)) {
            throw ClaimConflictException.inState(statusNow(item), "Question not open",
                    "Another doctor holds this question, or it is no longer open.");
        }
        events.publishEvent(new QuestionClaimed(UUID.randomUUID(), questionId, now, doctor.id(),
                doctor.displayName(), item.specialty()));
        log.info("Claimed by {}", doctor.username());
        return new Claim(questionId, doctor.id(), doctor.displayName(), item.specialty(), now, item.replyDueAt());
    }

    /** Only the holder may release; the question goes back to its queue. */
    @Transactional
    public void release(Doctor doctor, UUID questionId, String reason) {
        QueueItem item = questions.visibleTo(doctor, questionId);
        if (!items.release(questionId, doctor.id())) {
            throw ClaimConflictException.inState(statusNow(item), "Not your claim", "You do not hold this question.");
        }
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        events.publishEvent(new QuestionReleased(UUID.randomUUID(), questionId, clock.instant(), doctor.id(),
                doctor.displayName(), item.specialty(), why));
        log.info("Released by {}", doctor.username());
    }

    /** Read again after a refused update: the question may have changed since it was first read. */
    private QueueItem.Status statusNow(QueueItem item) {
        return items.find(item.questionId()).orElse(item).status();
    }
}
