package io.askflow.reply.reroute;

import io.askflow.events.RerouteRequested;
import io.askflow.events.Specialty;
import io.askflow.reply.ClaimConflictException;
import io.askflow.reply.DoctorQuestions;
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
 * "Wrong specialty", and triage: a doctor of the question's specialty (or its holder) sends it to another
 * specialty. The question leaves the queue (a claim on it ends) in the same commit as the request to the
 * workflow, which records REROUTED and answers with a {@code question.routed} that reopens it in the new queue.
 * No {@code question.released} is published besides: {@link RerouteRequested} carries the doctor, and a release
 * would tell the workflow to put the question back in the queue it is leaving.
 */
@Service
class RerouteQuestion {

    private static final Logger log = LoggerFactory.getLogger(RerouteQuestion.class);

    private final DoctorQuestions questions;
    private final QueueItems items;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    RerouteQuestion(DoctorQuestions questions, QueueItems items, ApplicationEventPublisher events, Clock clock) {
        this.questions = questions;
        this.items = items;
        this.events = events;
        this.clock = clock;
    }

    /**
     * 400 for an unknown or the current specialty, 404 unknown question, 403 another specialty's question, 409 if
     * it is neither open nor held by the caller.
     */
    @Transactional
    Rerouted reroute(Doctor doctor, UUID questionId, String specialty, String reason) {
        Specialty to = Specialty.fromNameOrSlug(specialty).orElseThrow(() -> new InvalidFieldException("specialty",
                "unknown specialty '" + (specialty == null ? "" : specialty.strip())
                        + "'; use a specialty's name, e.g. Cardiology"));
        QueueItem item = questions.visibleTo(doctor, questionId);
        Specialty from = item.specialty();
        if (to == from) {
            throw new InvalidFieldException("specialty", "the question is already in " + from.displayName());
        }
        Instant now = clock.instant();
        if (!items.reroute(questionId, from, to, doctor.id(), now)) {
            throw ClaimConflictException.inState(items.find(questionId).orElse(item).status(), "Cannot re-route",
                    "Another doctor holds this question; only they can send it to another specialty.");
        }
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        events.publishEvent(new RerouteRequested(UUID.randomUUID(), questionId, now, doctor.id(),
                doctor.displayName(), from, to, why));
        log.info("Re-route from {} to {} requested by {}", from, to, doctor.username());
        return new Rerouted(questionId, from, to, QueueItem.Status.REROUTING);
    }
}
