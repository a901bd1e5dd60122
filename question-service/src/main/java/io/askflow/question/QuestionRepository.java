package io.askflow.question;

import static io.askflow.question.QuestionRowMapper.name;
import static io.askflow.question.QuestionRowMapper.timestamp;

import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The questions of this service's schema, as every feature shares them: stored once when asked, found by id, and
 * locked by whoever changes one. Each feature reads and changes them further through its own repository (the
 * tracking page and its projection in {@code track}, the public archive in {@code archive}). Changes first
 * {@link #lock} the question, so events of one question arriving on different topics at once apply one after the
 * other.
 */
@Repository
public class QuestionRepository {

    private final JdbcClient jdbc;
    private final QuestionRowMapper rows;

    QuestionRepository(JdbcClient jdbc, QuestionRowMapper rows) {
        this.jdbc = jdbc;
        this.rows = rows;
    }

    public void insert(Question q) {
        insert(q, "");
    }

    /** Inserts the question unless one with its id is there already; whether it did. */
    public boolean insertIfAbsent(Question q) {
        return insert(q, " on conflict (id) do nothing") == 1;
    }

    private int insert(Question q, String onConflict) {
        return jdbc.sql("""
                        insert into question (id, tracking_token, nickname, email, age_range, gender, requested_specialty,
                                              title, body, language, consent_to_publish, urgent, status, asked_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""" + onConflict)
                .params(q.id(), q.trackingToken(), q.nickname(), q.email(), q.ageRange().name(), q.gender().name(),
                        name(q.requestedSpecialty()), q.title(), q.body(), q.language(), q.consentToPublish(),
                        q.urgent(), q.status().name(), timestamp(q.askedAt()))
                .update();
    }

    /** The question as stored, its enrichment as it came (see {@code archive.PublishedSimilarQuestions}). */
    public Optional<Question> findById(UUID id) {
        return jdbc.sql("select * from question where id = ?").param(id).query(rows).optional();
    }

    /** Locks the question's row for the rest of the transaction; an unknown id is poison. */
    public void lock(UUID id) {
        jdbc.sql("select id from question where id = ? for update").param(id).query(UUID.class).optional()
                .orElseThrow(() -> new UnknownQuestionException(id));
    }
}
