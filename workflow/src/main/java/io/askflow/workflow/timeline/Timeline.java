package io.askflow.workflow.timeline;

import io.askflow.events.QuestionProgressed;
import io.askflow.events.Specialty;
import io.askflow.events.Step;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The dated steps of each question, all stored here. Only steps that no other event brings to question-service are
 * also published as {@code question.progressed}: each step's date travels once.
 */
@Component
public class Timeline {

    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;

    Timeline(JdbcTemplate jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /**
     * Records a step. Joins the caller's transaction (the engine's), so the row, the event and the process commit
     * together.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(UUID questionId, Step step, Instant at, Specialty specialty, String detail) {
        store(questionId, step, at, detail);
        events.publishEvent(new QuestionProgressed(UUID.randomUUID(), questionId, at, step, at, specialty, detail));
    }

    /**
     * Records a step without publishing it: the event that led to it (question.claimed, say) tells question-service
     * already, dated alike. Joins the caller's transaction, as {@link #record} does.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void store(UUID questionId, Step step, Instant at, String detail) {
        jdbc.update("insert into question_step (question_id, step, at, detail) values (?, ?, ?, ?)",
                questionId, step.name(), Timestamp.from(at), detail);
    }

    /** Whether the question has reached this step. */
    public boolean has(UUID questionId, Step step) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from question_step where question_id = ? and step = ?)", Boolean.class,
                questionId, step.name()));
    }

    /** The question's steps in the order the process reached them; empty for an unknown question. */
    public List<TimelineEntry> of(UUID questionId) {
        return jdbc.query("select step, at, detail from question_step where question_id = ? order by id",
                (row, n) -> new TimelineEntry(Step.valueOf(row.getString("step")),
                        row.getTimestamp("at").toInstant(), row.getString("detail")),
                questionId);
    }
}
