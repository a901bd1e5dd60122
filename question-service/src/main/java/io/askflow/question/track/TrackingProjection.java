package io.askflow.question.track;

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
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Brings what the other services report about a question onto it, for the tracking and public pages. Each
 * event is applied once (its id is recorded in the same transaction) with the question's row locked, so two
 * topics' events of one question apply one after the other. The question is stored before its first event
 * is published, so an event for an unknown question is poison: it fails, is retried, then dead-lettered.
 */
@Component
class TrackingProjection {

    private final ProcessedEvents processedEvents;
    private final QuestionRepository questions;
    private final TrackingRepository tracking;

    TrackingProjection(ProcessedEvents processedEvents, QuestionRepository questions, TrackingRepository tracking) {
        this.processedEvents = processedEvents;
        this.questions = questions;
        this.tracking = tracking;
    }

    /** A dated step; the status follows the latest status step by date, whatever order the steps came in. */
    @Transactional
    @KafkaListener(topics = Topics.QUESTION_PROGRESSED)
    void on(QuestionProgressed event) {
        if (!processedEvents.firstTime(event.eventId(), Topics.QUESTION_PROGRESSED)) {
            return;
        }
        questions.lock(event.questionId());
        boolean withdrawnAlready = event.step() == Step.WITHDRAWN && tracking.timeline(event.questionId()).stream()
                .anyMatch(step -> step.step() == Step.WITHDRAWN);
        if (!withdrawnAlready) {                       // the patient's withdrawal is dated here when it happens
            tracking.addStep(event.questionId(), new TimelineStep(event.step(), event.at()));
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
    }

    @Transactional
    @KafkaListener(topics = Topics.QUESTION_CLAIMED)
    void on(QuestionClaimed event) {
        if (!processedEvents.firstTime(event.eventId(), Topics.QUESTION_CLAIMED)) {
            return;
        }
        questions.lock(event.questionId());
        tracking.claim(event.questionId(), event.doctorId(), event.doctorName(), event.occurredAt());
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
    }
}
