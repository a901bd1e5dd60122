package io.askflow.workflow.inbox;

import io.askflow.events.QuestionClaimed;
import io.askflow.events.QuestionReleased;
import io.askflow.events.Step;
import io.askflow.events.Topics;
import io.askflow.workflow.lifecycle.QuestionLifecycle;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Claims and releases, decided by reply-service. They come on two topics, so a release may overtake its claim, or
 * a new claim the release before it: such an event is too early and retried until the process waits for it. A
 * claim that crossed the patient's withdrawal finds the process ended: acknowledged.
 */
@Component
class ClaimListener {

    private final LifecycleInbox inbox;
    private final QuestionLifecycle lifecycle;

    ClaimListener(LifecycleInbox inbox, QuestionLifecycle lifecycle) {
        this.inbox = inbox;
        this.lifecycle = lifecycle;
    }

    @KafkaListener(topics = Topics.QUESTION_CLAIMED)
    void on(QuestionClaimed event) {
        inbox.receive(event, Topics.QUESTION_CLAIMED, () -> {
            if (!lifecycle.claimed(event)) {
                inbox.notAwaited(event, Topics.QUESTION_CLAIMED, Step.REPLIED, Step.WITHDRAWN);
            }
        });
    }

    @KafkaListener(topics = Topics.QUESTION_RELEASED)
    void on(QuestionReleased event) {
        inbox.receive(event, Topics.QUESTION_RELEASED, () -> {
            if (!lifecycle.released(event)) {
                inbox.notAwaited(event, Topics.QUESTION_RELEASED, Step.REPLIED, Step.WITHDRAWN);
            }
        });
    }
}
