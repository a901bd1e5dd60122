package io.askflow.enrichment;

import io.askflow.enrichment.knowledge.KnowledgeRecords.Changed;
import io.askflow.events.QuestionSubmitted;
import io.askflow.events.ReplyPosted;
import io.askflow.events.Specialty;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Asked and answered questions of the enrichment schema, and the patients' withdrawals. */
@Repository
public class Questions {

    /** What the patient withdrew. */
    public enum Withdrawal {
        CONSENT("consent_withdrawn_at"), QUESTION("question_withdrawn_at");

        private final String column;

        Withdrawal(String column) {
            this.column = column;
        }
    }

    private final JdbcTemplate jdbc;

    Questions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Keeps what search needs of a submitted question; a second copy of the same question changes nothing. */
    public void asked(QuestionSubmitted event) {
        jdbc.update("""
                insert into asked_question (question_id, title, body, consent_to_publish, requested_specialty, asked_at)
                values (?, ?, ?, ?, ?, ?) on conflict (question_id) do nothing
                """, event.questionId(), event.title(), event.body(), event.consentToPublish(),
                event.requestedSpecialty() == null ? null : event.requestedSpecialty().name(),
                Timestamp.from(event.occurredAt()));
    }

    /** Records the reply as the question's latest; empty if the question is not known yet. */
    public Optional<AnsweredQuestion> answered(ReplyPosted event) {
        int updated = jdbc.update("""
                insert into answered_question (question_id, reply_id, doctor_name, specialty, reply_body, answered_at)
                select question_id, ?, ?, ?, ?, ? from asked_question where question_id = ?
                on conflict (question_id) do update set reply_id = excluded.reply_id,
                    doctor_name = excluded.doctor_name, specialty = excluded.specialty,
                    reply_body = excluded.reply_body, answered_at = excluded.answered_at, changed_at = now()
                """, event.replyId(), event.doctorName(), event.specialty() == null ? null : event.specialty().name(),
                event.body(), Timestamp.from(event.occurredAt()), event.questionId());
        return updated == 0 ? Optional.empty() : find(event.questionId()).map(Changed::row);
    }

    /**
     * Records a withdrawal, also for a question not known yet (topics are not ordered): it then never becomes
     * searchable. The answered row, if any, is marked changed so that every instance's index sync drops it.
     */
    public void withdrawn(UUID questionId, Withdrawal what, Instant at) {
        jdbc.update("""
                insert into question_withdrawal (question_id, %1$s) values (?, ?)
                on conflict (question_id) do update set %1$s = coalesce(question_withdrawal.%1$s, excluded.%1$s)
                """.formatted(what.column), questionId, Timestamp.from(at));
        jdbc.update("update answered_question set changed_at = now() where question_id = ?", questionId);
    }

    /** The answered question with the instant its row last changed; empty while it is not answered. */
    public Optional<Changed<AnsweredQuestion>> find(UUID questionId) {
        return jdbc.query(SELECT + " where a.question_id = ?", Questions::changed, questionId).stream().findFirst();
    }

    /** Answered questions changed at or after {@code since}, searchable or not (the index drops those that aren't). */
    public void changedSince(Instant since, Consumer<Changed<AnsweredQuestion>> each) {
        jdbc.query(SELECT + " where a.changed_at >= ?", (ResultSet rs) -> {
            each.accept(changed(rs, 0));
        }, Timestamp.from(since));
    }

    /**
     * Those of these questions that may be shown as Similar Q&amp;A now. The index of this instance can lag behind a
     * withdrawal handled by another instance until its next sync; the schema does not.
     */
    public Set<UUID> publishable(List<UUID> questionIds) {
        if (questionIds.isEmpty()) {
            return Set.of();
        }
        String ids = String.join(", ", Collections.nCopies(questionIds.size(), "?"));
        return Set.copyOf(jdbc.queryForList("select q.question_id from asked_question q where q.question_id in ("
                + ids + ") and " + PUBLISHABLE, UUID.class, questionIds.toArray()));
    }

    public long countPublishable() {
        Long count = jdbc.queryForObject("select count(*) from answered_question a join asked_question q using "
                + "(question_id) where " + PUBLISHABLE, Long.class);
        return count == null ? 0 : count;
    }

    /** Consented and withdrawn neither the consent nor the question: the only truth of what may be searched. */
    private static final String PUBLISHABLE = """
            q.consent_to_publish and not exists (select 1 from question_withdrawal w where w.question_id = q.question_id)
            """;

    private static final String SELECT = """
            select q.question_id, q.title, q.body, %s as publishable, a.reply_id, a.doctor_name, a.specialty,
                   a.reply_body, a.changed_at
            from answered_question a join asked_question q on q.question_id = a.question_id
            """.formatted(PUBLISHABLE.strip());

    private static Changed<AnsweredQuestion> changed(ResultSet rs, int row) throws SQLException {
        String specialty = rs.getString("specialty");
        var question = new AnsweredQuestion(rs.getObject("question_id", UUID.class), rs.getString("title"),
                rs.getString("body"), rs.getBoolean("publishable"), rs.getObject("reply_id", UUID.class),
                rs.getString("doctor_name"), specialty == null ? null : Specialty.valueOf(specialty),
                rs.getString("reply_body"));
        return new Changed<>(question, rs.getTimestamp("changed_at").toInstant());
    }
}
