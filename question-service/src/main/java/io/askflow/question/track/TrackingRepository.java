package io.askflow.question.track;

import static io.askflow.question.QuestionRowMapper.instant;
import static io.askflow.question.QuestionRowMapper.name;
import static io.askflow.question.QuestionRowMapper.timestamp;

import io.askflow.events.Specialty;
import io.askflow.events.Step;
import io.askflow.question.Enrichment;
import io.askflow.question.Question;
import io.askflow.question.QuestionRowMapper;
import io.askflow.question.Reply;
import io.askflow.question.TimelineStep;
import io.askflow.question.archive.PublishedSimilarQuestions;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The tracking read model: what the patient holding the link sees of their question (status, dated timeline,
 * routing, doctor, reply, enrichment), kept current from what the other services report. Callers that change a
 * question lock it first ({@code QuestionRepository.lock}).
 */
@Repository
public class TrackingRepository {

    private final JdbcClient jdbc;
    private final QuestionRowMapper rows;
    private final PublishedSimilarQuestions similar;

    TrackingRepository(JdbcClient jdbc, QuestionRowMapper rows, PublishedSimilarQuestions similar) {
        this.jdbc = jdbc;
        this.rows = rows;
        this.similar = similar;
    }

    /** The question this link opens, showing only similar questions that are still published. */
    Optional<Question> findByTrackingToken(String token) {
        return jdbc.sql("select * from question where tracking_token = ?").param(token).query(rows)
                .optional().map(similar::keepOnlyPublished);
    }

    List<TimelineStep> timeline(UUID id) {
        return jdbc.sql("select step, at from question_step where question_id = ?").param(id)
                .query((rs, n) -> new TimelineStep(Step.valueOf(rs.getString("step")), instant(rs, "at")))
                .list().stream().sorted(TimelineStep.CHRONOLOGICAL).toList();
    }

    /** Adds a step; the same step at the same date is there already and adds nothing. */
    public void addStep(UUID id, TimelineStep step) {
        jdbc.sql("insert into question_step (question_id, step, at) values (?, ?, ?) on conflict do nothing")
                .params(id, step.step().name(), timestamp(step.at()))
                .update();
    }

    /**
     * Keeps the earliest date of a step a question reaches once (ROUTED: only its first routing is one), whatever
     * order its events come in: a later date already there moves to this one.
     */
    void addEarliest(UUID id, TimelineStep step) {
        jdbc.sql("delete from question_step where question_id = ? and step = ? and at > ?")
                .params(id, step.step().name(), timestamp(step.at()))
                .update();
        addOnce(id, step);
    }

    /** Adds a step a question reaches once, unless it has that step already, at whatever date. */
    void addOnce(UUID id, TimelineStep step) {
        jdbc.sql("""
                        insert into question_step (question_id, step, at) select ?, ?, ?
                        where not exists (select 1 from question_step where question_id = ? and step = ?)""")
                .params(id, step.step().name(), timestamp(step.at()), id, step.step().name())
                .update();
    }

    /** Gives a step a question reaches once this date, whatever date it had. */
    void replaceStep(UUID id, TimelineStep step) {
        jdbc.sql("delete from question_step where question_id = ? and step = ?")
                .params(id, step.step().name())
                .update();
        addStep(id, step);
    }

    void updateStatus(UUID id, Step status) {
        jdbc.sql("update question set status = ? where id = ?").params(status.name(), id).update();
    }

    /** Records the routing unless a later one is already there (topics are not ordered against each other). */
    public void route(UUID id, Specialty specialty, Instant at) {
        jdbc.sql("update question set specialty = ?, specialty_at = ? where id = ? and (specialty_at is null or specialty_at <= ?)")
                .params(specialty.name(), timestamp(at), id, timestamp(at))
                .update();
    }

    /** A doctor took the question, unless something later about its doctor is already recorded. */
    void claim(UUID id, UUID doctorId, String doctorName, Instant at) {
        jdbc.sql("""
                        update question set doctor_id = ?, doctor_name = ?, doctor_at = ?
                        where id = ? and reply_body is null and (doctor_at is null or doctor_at <= ?)""")
                .params(doctorId, doctorName, timestamp(at), id, timestamp(at))
                .update();
    }

    /** The doctor let the question go; only their own, later claim is cleared. */
    void release(UUID id, UUID doctorId, Instant at) {
        jdbc.sql("""
                        update question set doctor_id = null, doctor_name = null, doctor_at = ?
                        where id = ? and reply_body is null and doctor_id = ? and doctor_at <= ?""")
                .params(timestamp(at), id, doctorId, timestamp(at))
                .update();
    }

    public void reply(UUID id, Reply reply, UUID doctorId) {
        jdbc.sql("""
                        update question set reply_id = ?, reply_body = ?, reply_doctor_name = ?, reply_specialty = ?,
                                            replied_at = ?, doctor_id = ?, doctor_name = ?, doctor_at = ?
                        where id = ?""")
                .params(reply.id(), reply.body(), reply.doctorName(), name(reply.specialty()),
                        timestamp(reply.repliedAt()), doctorId, reply.doctorName(), timestamp(reply.repliedAt()), id)
                .update();
    }

    public void enrich(UUID id, Enrichment enrichment, Instant at) {
        jdbc.sql("update question set enrichment = cast(? as jsonb), enriched_at = ? where id = ?")
                .params(rows.enrichmentColumn(enrichment), timestamp(at), id)
                .update();
    }
}
