package io.askflow.workflow.inbox;

import io.askflow.events.QuestionSubmitted;
import io.askflow.events.Step;
import io.askflow.events.Topics;
import io.askflow.workflow.lifecycle.QuestionLifecycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

@Component
class SubmissionListener {

    private static final Logger log = LoggerFactory.getLogger(SubmissionListener.class);

    private final LifecycleInbox inbox;
    private final QuestionLifecycle lifecycle;

    SubmissionListener(LifecycleInbox inbox, QuestionLifecycle lifecycle) {
        this.inbox = inbox;
        this.lifecycle = lifecycle;
    }

    /** Camunda does not enforce unique business keys: a question already ASKED (another event id) starts nothing. */
    @KafkaListener(topics = Topics.QUESTION_SUBMITTED)
    void on(QuestionSubmitted event) {
        inbox.receive(event, Topics.QUESTION_SUBMITTED, () -> {
            if (inbox.has(event, Step.ASKED)) {
                log.info("Question {} was submitted before (event {}): its process runs already", event.questionId(),
                        event.eventId());
                return;
            }
            lifecycle.start(event);
        });
    }
}
