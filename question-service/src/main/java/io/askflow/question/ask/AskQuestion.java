package io.askflow.question.ask;

import io.askflow.events.QuestionSubmitted;
import io.askflow.events.Specialty;
import io.askflow.events.Step;
import io.askflow.platform.QuestionLog;
import io.askflow.platform.ServiceLinks;
import io.askflow.question.Question;
import io.askflow.question.QuestionRepository;
import io.askflow.question.ratelimit.RateLimiter;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Stores a checked question and announces it, in one transaction (the outbox relays the event after commit). */
@Service
class AskQuestion {

    private static final Logger log = LoggerFactory.getLogger(AskQuestion.class);
    private static final int TOKEN_BYTES = 32;

    private final QuestionRepository questions;
    private final WarningSigns warningSigns;
    private final RateLimiter rateLimiter;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ServiceLinks links;
    private final SecureRandom random = new SecureRandom();

    AskQuestion(QuestionRepository questions, WarningSigns warningSigns, RateLimiter rateLimiter,
                ApplicationEventPublisher events, Clock clock,
                ServiceLinks links) {
        this.questions = questions;
        this.warningSigns = warningSigns;
        this.rateLimiter = rateLimiter;
        this.events = events;
        this.clock = clock;
        this.links = links;
    }

    /**
     * The form must be valid. Throws {@code RateLimited} when the client has asked too often; then nothing is
     * stored, counted or published.
     */
    @Transactional
    public Asked ask(AskForm form, String client) {
        rateLimiter.count(RateLimiter.Action.ASK, client);
        // PostgreSQL keeps microseconds: the date we answer with is the date we store.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String title = form.getTitle().strip();
        String body = form.getBody().strip();
        Specialty requested = form.getSpecialty();
        var question = new Question(UUID.randomUUID(), newToken(), form.getNickname().strip(),
                form.getEmail().strip(), form.getAgeRange(), form.getGender(), requested, title, body,
                LanguageGuess.of(title + " " + body), Boolean.TRUE.equals(form.getConsentToPublish()),
                warningSigns.foundIn(title + "\n" + body), Step.ASKED,
                now, null, null, null, null);
        questions.insert(question);
        events.publishEvent(new QuestionSubmitted(UUID.randomUUID(), question.id(), now, question.nickname(),
                question.ageRange(), question.gender(), requested, title, body, question.language(),
                question.consentToPublish(), links.trackingPage(question.trackingToken()), question.email(),
                question.urgent()));
        try (var logged = QuestionLog.about(question.id())) {
            log.info("Question asked: requestedSpecialty={} language={} urgent={}", requested, question.language(),
                    question.urgent());
        }
        return new Asked(question.id(), question.trackingToken(), question.status(), now, question.urgent());
    }

    /** 256 random bits, URL-safe: unguessable, and the only key a patient holds. */
    private String newToken() {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
