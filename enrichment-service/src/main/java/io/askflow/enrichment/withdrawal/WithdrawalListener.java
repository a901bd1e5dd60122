package io.askflow.enrichment.withdrawal;

import io.askflow.enrichment.Questions;
import io.askflow.enrichment.Questions.Withdrawal;
import io.askflow.enrichment.index.IndexSync;
import io.askflow.events.ConsentWithdrawn;
import io.askflow.events.QuestionWithdrawn;
import io.askflow.events.Topics;
import io.askflow.messaging.Inbox;
import java.time.Instant;
import java.util.UUID;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * A patient who withdraws the consent to publish, or the question, is never shown as Similar Q&amp;A again: the
 * withdrawal is stored (also when it comes before the question or its reply, so nothing waits or is retried) and
 * this instance's index drops the question as soon as that is committed; other instances at their next sync.
 */
@Component
class WithdrawalListener {

    private final Inbox inbox;
    private final Questions questions;
    private final IndexSync indexSync;

    WithdrawalListener(Inbox inbox, Questions questions, IndexSync indexSync) {
        this.inbox = inbox;
        this.questions = questions;
        this.indexSync = indexSync;
    }

    @KafkaListener(topics = Topics.CONSENT_WITHDRAWN)
    void on(ConsentWithdrawn event) {
        inbox.receive(event, Topics.CONSENT_WITHDRAWN, () -> {
            withdraw(event.questionId(), Withdrawal.CONSENT, event.occurredAt());
        });
    }

    @KafkaListener(topics = Topics.QUESTION_WITHDRAWN)
    void on(QuestionWithdrawn event) {
        inbox.receive(event, Topics.QUESTION_WITHDRAWN, () -> {
            withdraw(event.questionId(), Withdrawal.QUESTION, event.occurredAt());
        });
    }

    private void withdraw(UUID questionId, Withdrawal what, Instant at) {
        questions.withdrawn(questionId, what, at);
        indexSync.refreshAfterCommit(questionId);
    }
}
