package io.askflow.question.track;

import io.askflow.events.NotificationKind;
import io.askflow.events.NotificationSent;
import io.askflow.events.QuestionClaimed;
import io.askflow.events.QuestionProgressed;
import io.askflow.events.QuestionReleased;
import io.askflow.events.QuestionRouted;
import io.askflow.events.ReplyEnriched;
import io.askflow.events.ReplyPosted;
import io.askflow.events.Step;
import io.askflow.events.Topics;
import io.askflow.messaging.ProcessedEvents;
import io.askflow.question.Enrichment;
import io.askflow.question.QuestionRepository;
import io.askflow.question.Reply;
import io.askflow.question.TimelineStep;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Brings what the other services report about a question onto it, for the tracking and public pages. Each
 * event is applied once (its id is recorded in the same transaction) with the question's row locked, so two
 * topics' events of one question apply one after the other. The question is stored before its first event
 * is published, so an event for an unknown question is poison: it fails, is retried, then dead-lettered.
 * <p>
 * Each dated step travels once. The events that lead to ROUTED, CLAIMED, REPLIED, ENRICHED and NOTIFIED
 * (question.routed, question.claimed, reply.posted, reply.enriched, notification.sent) give those steps here,
 * dated by their occurredAt as the workflow dates them; question.progressed brings the steps only the workflow
 * knows of (ASKED, RELEASED, REMINDED, OVERDUE, ESCALATED, REROUTED, WITHDRAWN, FAILED, an empty ENRICHED).
 */
@Component
class TrackingProjection {

    /**
     * Steps taken from the events that lead to them. A question.progressed of one of them (published before the
     * workflow stopped publishing them) would date the step a second time: it is skipped.
     */
    private static final Set<Step> FROM_THEIR_EVENTS = EnumSet.of(Step.ROUTED, Step.CLAIMED, Step.REPLIED,
            Step.NOTIFIED);

    private final ProcessedEvents processedEvents;
    private final QuestionRepository questions;
    private final TrackingRepository tracking;

    TrackingProjection(ProcessedEvents processedEvents, QuestionRepository questions, TrackingRepository tracking) {
        this.processedEvents = processedEvents;
        this.questions = questions;
        this.tracking = tracking;
    }

    /**
     * A dated step; the status follows the latest status step by date, whatever order the steps came in. An
     * ENRICHED one is the workflow giving up on enrichment: its date stands even if reply.enriched came first,
     * as in the workflow, which took no step from that late event.
     */
    @Transactional
    @KafkaListener(topics = Topics.QUESTION_PROGRESSED)
    void on(QuestionProgressed event) {
        if (!processedEvents.firstTime(event.eventId(), Topics.QUESTION_PROGRESSED)
                || FROM_THEIR_EVENTS.contains(event.step())) {
            return;
        }
        questions.lock(event.questionId());
        boolean withdrawnAlready = event.step() == Step.WITHDRAWN && tracking.timeline(event.questionId()).stream()
                .anyMatch(step -> step.step() == Step.WITHDRAWN);
        TimelineStep step = new TimelineStep(event.step(), event.at());
        if (event.step() == Step.ENRICHED) {
            tracking.replaceStep(event.questionId(), step);
        } else if (!withdrawnAlready) {                // the patient's withdrawal is dated here when it happens
            tracking.addStep(event.questionId(), step);
        }
        tracking.updateStatus(event.questionId(), TimelineStep.statusAfter(tracking.timeline(event.questionId())));
    }

    @Transactional
    @KafkaListener(topics = Topics.QUESTION_ROUTED)
    void on(QuestionRouted event) {
        if (!processedEvents.firstTime(event.eventId(), Topics.QUESTION_ROUTED)) {
            return;
        }
        questions.lock(event.questionId());
        tracking.route(event.questionId(), event.specialty(), event.occurredAt());
        reach(event.questionId(), new TimelineStep(Step.ROUTED, event.occurredAt()), tracking::addEarliest);
    }

    @Transactional
    @KafkaListener(topics = Topics.QUESTION_CLAIMED)
    void on(QuestionClaimed event) {
        if (!processedEvents.firstTime(event.eventId(), Topics.QUESTION_CLAIMED)) {
            return;
        }
        questions.lock(event.questionId());
        tracking.claim(event.questionId(), event.doctorId(), event.doctorName(), event.occurredAt());
        reach(event.questionId(), new TimelineStep(Step.CLAIMED, event.occurredAt()), tracking::addStep);
    }

    @Transactional
    @KafkaListener(topics = Topics.QUESTION_RELEASED)
    void on(QuestionReleased event) {
        if (!processedEvents.firstTime(event.eventId(), Topics.QUESTION_RELEASED)) {
            return;
        }
        questions.lock(event.questionId());
        tracking.release(event.questionId(), event.doctorId(), event.occurredAt());
    }

    @Transactional
    @KafkaListener(topics = Topics.REPLY_POSTED)
    void on(ReplyPosted event) {
        if (!processedEvents.firstTime(event.eventId(), Topics.REPLY_POSTED)) {
            return;
        }
        questions.lock(event.questionId());
        tracking.reply(event.questionId(), new Reply(event.replyId(), event.body(), event.doctorName(),
                event.specialty(), event.occurredAt()), event.doctorId());
        reach(event.questionId(), new TimelineStep(Step.REPLIED, event.occurredAt()), tracking::addStep);
    }

    /** Stored whenever it comes: it needs nothing but the question, not even the reply's row. */
    @Transactional
    @KafkaListener(topics = Topics.REPLY_ENRICHED)
    void on(ReplyEnriched event) {
        if (!processedEvents.firstTime(event.eventId(), Topics.REPLY_ENRICHED)) {
            return;
        }
        questions.lock(event.questionId());
        tracking.enrich(event.questionId(),
                new Enrichment(event.moreInfo(), event.similarQuestions(), event.relatedFaq()), event.occurredAt());
        reach(event.questionId(), new TimelineStep(Step.ENRICHED, event.occurredAt()), tracking::addOnce);
    }

    /** The ANSWERED mail went out: NOTIFIED. The other mails (RECEIVED, DELAYED, ...) are no step: acknowledged. */
    @Transactional
    @KafkaListener(topics = Topics.NOTIFICATION_SENT)
    void on(NotificationSent event) {
        if (event.kind() != NotificationKind.ANSWERED
                || !processedEvents.firstTime(event.eventId(), Topics.NOTIFICATION_SENT)) {
            return;
        }
        questions.lock(event.questionId());
        reach(event.questionId(), new TimelineStep(Step.NOTIFIED, event.occurredAt()), tracking::addOnce);
    }

    /**
     * Adds a step an event led to, and the status that follows. None after the patient withdrew the question: a
     * routing, claim or reply that crossed the withdrawal leaves the question withdrawn on the patient's page.
     */
    private void reach(UUID questionId, TimelineStep step, BiConsumer<UUID, TimelineStep> add) {
        boolean withdrawnBefore = tracking.timeline(questionId).stream()
                .anyMatch(s -> s.step() == Step.WITHDRAWN && !s.at().isAfter(step.at()));
        if (withdrawnBefore) {
            return;
        }
        add.accept(questionId, step);
        tracking.updateStatus(questionId, TimelineStep.statusAfter(tracking.timeline(questionId)));
    }
}
