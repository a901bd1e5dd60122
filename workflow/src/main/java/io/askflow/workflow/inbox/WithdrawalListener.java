package io.askflow.workflow.inbox;

import io.askflow.events.QuestionWithdrawn;
import io.askflow.events.Step;
import io.askflow.events.Topics;
import io.askflow.workflow.lifecycle.QuestionLifecycle;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * The patient withdrew the question. question-service allows that only while it is unclaimed, so a withdrawal that
 * finds it claimed crossed the claim: the doctor's work goes on and the withdrawal is acknowledged. One that comes
 * before the question is in a queue is too early (retried).
 */
@Component
class WithdrawalListener {

    private final Inbox inbox;
    private final QuestionLifecycle lifecycle;

    WithdrawalListener(Inbox inbox, QuestionLifecycle lifecycle) {
        this.inbox = inbox;
        this.lifecycle = lifecycle;
    }

    @KafkaListener(topics = Topics.QUESTION_WITHDRAWN)
    void on(QuestionWithdrawn event) {
        inbox.receive(event, Topics.QUESTION_WITHDRAWN, () -> {
            if (!lifecycle.withdrawn(event)) {
                inbox.notAwaited(event, Topics.QUESTION_WITHDRAWN, Step.CLAIMED, Step.REPLIED, Step.WITHDRAWN);
            }
        });
    }
}
