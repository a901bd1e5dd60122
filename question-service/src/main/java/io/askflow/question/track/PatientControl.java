package io.askflow.question.track;

import io.askflow.events.ConsentWithdrawn;
import io.askflow.events.QuestionWithdrawn;
import io.askflow.events.Step;
import io.askflow.events.TrackingLinkRequested;
import io.askflow.platform.QuestionLog;
import io.askflow.question.Question;
import io.askflow.question.QuestionRepository;
import io.askflow.question.TimelineStep;
import io.askflow.question.ratelimit.RateLimiter;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the patient holding the tracking link decides about their question. Each change and its event commit
 * together (outbox), with the question's row locked so that a claim or reply arriving at the same moment
 * applies before or after, never halfway.
 */
@Service
class PatientControl {

    private static final Logger log = LoggerFactory.getLogger(PatientControl.class);

    /** How a withdrawal ended. */
    enum Withdrawal { WITHDRAWN, ALREADY_WITHDRAWN, TAKEN_BY_A_DOCTOR }

    private final QuestionRepository questions;
    private final TrackingRepository tracking;
    private final PatientControlRepository decisions;
    private final RateLimiter rateLimiter;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PatientControl(QuestionRepository questions, TrackingRepository tracking, PatientControlRepository decisions,
                   RateLimiter rateLimiter, ApplicationEventPublisher events, Clock clock) {
        this.questions = questions;
        this.tracking = tracking;
        this.decisions = decisions;
        this.rateLimiter = rateLimiter;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Withdraws the question while no doctor has taken it, as far as this service knows. A claim that reply-service
     * granted a moment ago may still be on its way: the workflow and reply-service receive QuestionWithdrawn and
     * settle that race; here the step WITHDRAWN stays the patient's decision.
     */
    @Transactional
    public Withdrawal withdraw(Question question) {
        questions.lock(question.id());
        Question current = questions.findById(question.id()).orElseThrow();
        if (current.status() == Step.WITHDRAWN) {
            return Withdrawal.ALREADY_WITHDRAWN;
        }
        if (!current.withdrawable()) {
            return Withdrawal.TAKEN_BY_A_DOCTOR;
        }
        Instant now = now();
        tracking.addStep(current.id(), new TimelineStep(Step.WITHDRAWN, now));
        tracking.updateStatus(current.id(), Step.WITHDRAWN);
        events.publishEvent(new QuestionWithdrawn(UUID.randomUUID(), current.id(), now));
        logged(current.id(), "Question withdrawn by the patient");
        return Withdrawal.WITHDRAWN;
    }

    /** Takes the question off the public archive at once (and tells enrichment to drop it); once is enough. */
    @Transactional
    public void withdrawConsent(Question question) {
        questions.lock(question.id());
        Instant now = now();
        if (decisions.withdrawConsent(question.id(), now)) {
            events.publishEvent(new ConsentWithdrawn(UUID.randomUUID(), question.id(), now));
            logged(question.id(), "Consent to publish withdrawn by the patient");
        }
    }

    /**
     * Asks for the tracking link of every question asked with this address to be mailed again: recorded here and
     * published as TrackingLinkRequested (the workflow requests the mail, notification-service knows the address).
     * The answer to the patient is the same whether or not any question was found.
     */
    @Transactional
    public void requestLinks(String email, String client) {
        rateLimiter.count(RateLimiter.Action.LINK_REQUEST, client);
        Instant now = now();
        for (UUID id : decisions.idsByEmail(email)) {
            decisions.recordLinkRequest(id, now);
            events.publishEvent(new TrackingLinkRequested(UUID.randomUUID(), id, now));
            logged(id, "Tracking link requested again");
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static void logged(UUID id, String message) {
        try (var logged = QuestionLog.about(id)) {
            log.info(message);
        }
    }
}
