package io.askflow.messaging;

import io.askflow.events.QuestionRouted;
import io.askflow.events.Topics;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** A minimal service: one state change with its event, idempotent consumers. */
@SpringBootApplication
class MessagingTestApplication {

    @Component
    static class Notes {

        private final JdbcTemplate jdbc;
        private final ApplicationEventPublisher events;
        private final ProcessedEvents processed;
        private final TransactionTemplate transactions;
        private final AtomicInteger withdrawalAttempts = new AtomicInteger();

        Notes(JdbcTemplate jdbc, ApplicationEventPublisher events, ProcessedEvents processed,
              TransactionTemplate transactions) {
            this.jdbc = jdbc;
            this.events = events;
            this.processed = processed;
            this.transactions = transactions;
        }

        /** Stores a note and publishes the event; fails after publishing when asked to, to test the rollback. */
        @Transactional
        public void route(QuestionRouted event, boolean failAfterPublishing) {
            jdbc.update("insert into question_note (question_id, note) values (?, ?) on conflict do nothing",
                    event.questionId(), "routed");
            events.publishEvent(event);
            if (failAfterPublishing) {
                throw new IllegalStateException("rolled back on purpose");
            }
        }

        @Transactional
        @KafkaListener(topics = Topics.QUESTION_CLAIMED)
        void on(io.askflow.events.QuestionClaimed event) {
            if (!processed.firstTime(event.eventId(), Topics.QUESTION_CLAIMED)) {
                return;
            }
            jdbc.update("insert into question_note (question_id, note) values (?, ?) "
                    + "on conflict (question_id) do update set note = question_note.note || '+claimed'",
                    event.questionId(), "claimed");
        }

        /** A release before its claim is too early: the claim is on its way on another topic. */
        @Transactional
        @KafkaListener(topics = Topics.QUESTION_RELEASED)
        void on(io.askflow.events.QuestionReleased event) {
            if (note(event.questionId()) == null) {
                throw new EventTooEarlyException("release of " + event.questionId() + " before its claim");
            }
            if (processed.firstTime(event.eventId(), Topics.QUESTION_RELEASED)) {
                jdbc.update("update question_note set note = note || '+released' where question_id = ?",
                        event.questionId());
            }
        }

        /** Counts every attempt, also those that fail before the transaction begins (no database). */
        @KafkaListener(topics = Topics.QUESTION_WITHDRAWN)
        void on(io.askflow.events.QuestionWithdrawn event) {
            withdrawalAttempts.incrementAndGet();
            transactions.executeWithoutResult(status -> {
                if (processed.firstTime(event.eventId(), Topics.QUESTION_WITHDRAWN)) {
                    jdbc.update("insert into question_note (question_id, note) values (?, ?) "
                            + "on conflict (question_id) do update set note = question_note.note || '+withdrawn'",
                            event.questionId(), "withdrawn");
                }
            });
        }

        int withdrawalAttempts() {
            return withdrawalAttempts.get();
        }

        String note(UUID questionId) {
            return jdbc.query("select note from question_note where question_id = ?",
                    rs -> rs.next() ? rs.getString(1) : null, questionId);
        }
    }
}
