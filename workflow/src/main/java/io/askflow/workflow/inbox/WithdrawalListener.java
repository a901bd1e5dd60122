package io.askflow.workflow.inbox;

import io.askflow.events.QuestionWithdrawn;
import io.askflow.events.Step;
import io.askflow.events.Topics;
import io.askflow.workflow.lifecycle.QuestionLifecycle;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * The patient withdrew the question. question-service allows that only while it is unclaimed as far as it knows, so
 * a withdrawal can still cross a claim: the patient's decision wins until a reply exists, as in reply-service (which
 * takes the question off the doctor's desk and refuses a reply to it). A withdrawal after the reply is acknowledged;
 * one that comes before the question is in a queue is too early (retried).
 */
@Component
class WithdrawalListener {

    private final LifecycleInbox inbox;
    private final QuestionLifecycle lifecycle;

    WithdrawalListener(LifecycleInbox inbox, QuestionLifecycle lifecycle) {
        this.inbox = inbox;
        this.lifecycle = lifecycle;
    }

    @KafkaListener(topics = Topics.QUESTION_WITHDRAWN)
    void on(QuestionWithdrawn event) {
        inbox.receive(event, Topics.QUESTION_WITHDRAWN, () -> {
            if (!lifecycle.withdrawn(event)) {
                inbox.notAwaited(event, Topics.QUESTION_WITHDRAWN, Step.REPLIED, Step.WITHDRAWN);
            }
        });
    }
}
