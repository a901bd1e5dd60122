package io.askflow.workflow.inbox;

import io.askflow.events.QuestionEvent;
import io.askflow.events.Step;
import io.askflow.messaging.EventTooEarlyException;
import io.askflow.messaging.Inbox;
import io.askflow.workflow.lifecycle.ConcurrentUpdateException;
import io.askflow.workflow.timeline.Timeline;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * How every listener of this service takes in an event: through the shared {@link Inbox} (once per event id, the
 * dedupe record and the process change in one transaction, which the engine and the outbox join), and where the
 * event is early or late against the question's steps.
 * <p>
 * Listeners do not use {@code @Transactional} themselves: an optimistic-locking conflict in the engine dooms the
 * whole transaction, so the retry must start a new one. A few immediate retries here; anything else goes to the
 * shared error handler (back-off retries, then the dead-letter topic).
 */
@Component
class LifecycleInbox {

    private static final Logger log = LoggerFactory.getLogger(LifecycleInbox.class);
    private static final int ATTEMPTS = 3;

    private final Inbox inbox;
    private final Timeline timeline;

    LifecycleInbox(Inbox inbox, Timeline timeline) {
        this.inbox = inbox;
        this.timeline = timeline;
    }

    void receive(QuestionEvent event, String topic, Runnable process) {
        for (int attempt = 1; ; attempt++) {
            try {
                inbox.receive(event, topic, process);
                return;
            } catch (ConcurrentUpdateException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
                log.debug("Retrying {} {} after a concurrent update (attempt {})", topic, event.eventId(), attempt);
            }
        }
    }

    /**
     * No execution waited for the event. If the process has already recorded one of {@code passedWith}, the wait is
     * behind it: acknowledge. Otherwise the wait is still ahead: retry later.
     */
    void notAwaited(QuestionEvent event, String topic, Step... passedWith) {
        for (Step step : passedWith) {
            if (alreadyPast(event, topic, step)) {
                return;
            }
        }
        throw new EventTooEarlyException(topic + " " + event.eventId() + " came before question "
                + event.questionId() + " waits for it");
    }

    /** Whether the question has already passed {@code step}; if so nothing waits for the event: acknowledge it. */
    boolean alreadyPast(QuestionEvent event, String topic, Step step) {
        if (!timeline.has(event.questionId(), step)) {
            return false;
        }
        log.info("{} {} came after the question was {}: nothing waits for it any more, acknowledged", topic,
                event.eventId(), step);
        return true;
    }

    boolean has(QuestionEvent event, Step step) {
        return timeline.has(event.questionId(), step);
    }

    void requireStep(QuestionEvent event, String topic, Step step) {
        if (!timeline.has(event.questionId(), step)) {
            throw new EventTooEarlyException(topic + " " + event.eventId() + " came before question "
                    + event.questionId() + " was " + step);
        }
    }
}
