package io.askflow.enrichment;

import io.askflow.enrichment.knowledge.KnowledgeRecords.Changed;
import io.askflow.events.QuestionSubmitted;
import io.askflow.events.ReplyPosted;
import io.askflow.events.Specialty;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Asked and answered questions of the enrichment schema. */
@Repository
public class Questions {

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
        return updated == 0 ? Optional.empty() : find(event.questionId());
    }

    public Optional<AnsweredQuestion> find(UUID questionId) {
        return jdbc.query(SELECT + " where a.question_id = ?", Questions::map, questionId).stream().findFirst();
    }

    /** Answered questions whose asker consented, changed at or after {@code since}. */
    public void publishableChangedSince(Instant since, Consumer<Changed<AnsweredQuestion>> each) {
        jdbc.query(SELECT + " where q.consent_to_publish and a.changed_at >= ?", (ResultSet rs) -> {
            each.accept(new Changed<>(map(rs, 0), rs.getTimestamp("changed_at").toInstant()));
        }, Timestamp.from(since));
    }

    public long countPublishable() {
        Long count = jdbc.queryForObject("""
                select count(*) from answered_question a join asked_question q using (question_id)
                where q.consent_to_publish
                """, Long.class);
        return count == null ? 0 : count;
    }

    private static final String SELECT = """
            select q.question_id, q.title, q.body, q.consent_to_publish, a.reply_id, a.doctor_name, a.specialty,
                   a.reply_body, a.changed_at
            from answered_question a join asked_question q on q.question_id = a.question_id
            """;

    private static AnsweredQuestion map(ResultSet rs, int row) throws SQLException {
        String specialty = rs.getString("specialty");
        return new AnsweredQuestion(rs.getObject("question_id", UUID.class), rs.getString("title"),
                rs.getString("body"), rs.getBoolean("consent_to_publish"), rs.getObject("reply_id", UUID.class),
                rs.getString("doctor_name"), specialty == null ? null : Specialty.valueOf(specialty),
                rs.getString("reply_body"));
    }
}
