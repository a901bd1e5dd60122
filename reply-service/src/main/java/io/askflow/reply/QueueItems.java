package io.askflow.reply;

import io.askflow.events.AgeRange;
import io.askflow.events.Gender;
import io.askflow.events.QuestionRouted;
import io.askflow.events.QuestionSubmitted;
import io.askflow.events.Specialty;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The queue table. Claims, releases and replies are single conditional UPDATEs: the database decides races, so
 * any number of reply-service instances can share it.
 */
@Repository
public class QueueItems {

    private static final String SELECT = """
            select q.*, d.display_name as claimed_by_name
            from queue_item q left join doctor d on d.id = q.claimed_by
            """;
    /**
     * Most urgent first: overdue (its claim deadline, or while claimed its reply deadline, has passed), then
     * escalated, then urgent, then by the workflow's priority, then oldest. Re-routed questions keep their place
     * in time because the ask date, not the queue date, decides among equals. The one parameter is "now".
     */
    private static final String MOST_URGENT_FIRST = """
             order by coalesce(case when q.status = 'CLAIMED' then q.reply_due_at else q.claim_due_at end < ?, false) desc,
                      (q.routed_by = 'ESCALATED') desc, q.urgent desc, q.priority desc, q.asked_at, q.queued_at
            """;

    private final JdbcClient jdbc;

    QueueItems(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<QueueItem> find(UUID questionId) {
        return jdbc.sql(SELECT + " where q.question_id = ?").param(questionId).query((rs, n) -> item(rs)).optional();
    }

    /** Open questions of these specialties, most urgent first. */
    public List<QueueItem> open(Collection<Specialty> specialties, Instant now, int limit) {
        return jdbc.sql(SELECT + """
                 where q.status = 'OPEN' and q.title is not null and q.specialty = any (?)
                """ + MOST_URGENT_FIRST + " limit ?").params(names(specialties), timestamp(now), limit)
                .query((rs, n) -> item(rs)).list();
    }

    /** The questions this doctor holds, most urgent first. */
    public List<QueueItem> heldBy(UUID doctorId, Instant now) {
        return jdbc.sql(SELECT + " where q.status = 'CLAIMED' and q.claimed_by = ?" + MOST_URGENT_FIRST)
                .params(doctorId, timestamp(now)).query((rs, n) -> item(rs)).list();
    }

    /** Stores the question's content; its queue placement, if it came first, is kept. */
    public void saveContent(QuestionSubmitted event) {
        jdbc.sql("""
                insert into queue_item (question_id, title, body, nickname, age_range, gender, requested_specialty,
                                        urgent, asked_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (question_id) do update
                    set title = excluded.title, body = excluded.body, nickname = excluded.nickname,
                        age_range = excluded.age_range, gender = excluded.gender,
                        requested_specialty = excluded.requested_specialty, urgent = excluded.urgent,
                        asked_at = excluded.asked_at
                """).params(event.questionId(), event.title(), event.body(), event.nickname(), name(event.ageRange()),
                name(event.gender()), name(event.requestedSpecialty()), event.urgent(), timestamp(event.occurredAt()))
                .update();
    }

    /**
     * Puts the question in its specialty's queue as OPEN. A routing decision made before the current claim (e.g.
     * an OVERDUE that crossed a claim) updates the placement but keeps the claim; an answered or withdrawn
     * question stays so; an older routing decision arriving after a newer one changes nothing, and neither does
     * one made before a doctor asked to re-route the question (the workflow's answer to that request is newer).
     */
    public void route(QuestionRouted event, Instant now) {
        jdbc.sql("""
                insert into queue_item (question_id, specialty, routed_by, priority, claim_due_at, reply_due_at,
                                        routed_at, queued_at, status)
                values (?, ?, ?, ?, ?, ?, ?, ?, 'OPEN')
                on conflict (question_id) do update
                    set specialty = excluded.specialty, routed_by = excluded.routed_by,
                        priority = excluded.priority, claim_due_at = excluded.claim_due_at,
                        reply_due_at = excluded.reply_due_at, routed_at = excluded.routed_at,
                        queued_at = excluded.queued_at,
                        status = case when queue_item.status = 'CLAIMED' and queue_item.claimed_at > excluded.routed_at
                                      then 'CLAIMED' else 'OPEN' end,
                        claimed_by = case when queue_item.status = 'CLAIMED' and queue_item.claimed_at > excluded.routed_at
                                          then queue_item.claimed_by end,
                        claimed_at = case when queue_item.status = 'CLAIMED' and queue_item.claimed_at > excluded.routed_at
                                          then queue_item.claimed_at end,
                        reroute_to = null, reroute_requested_at = null
                    where queue_item.status not in ('ANSWERED', 'WITHDRAWN')
                      and (queue_item.routed_at is null or queue_item.routed_at <= excluded.routed_at)
                      and (queue_item.status <> 'REROUTING' or queue_item.reroute_requested_at <= excluded.routed_at)
                """).params(event.questionId(), event.specialty().name(), event.routedBy().name(), event.priority(),
                timestamp(event.claimDueAt()), timestamp(event.replyDueAt()), timestamp(event.occurredAt()),
                timestamp(now)).update();
    }

    /** The atomic claim: {@code true} only for the one caller that found the question OPEN in this specialty. */
    public boolean claim(UUID questionId, Specialty specialty, UUID doctorId, Instant now) {
        return jdbc.sql("""
                update queue_item set status = 'CLAIMED', claimed_by = ?, claimed_at = ?
                where question_id = ? and status = 'OPEN' and specialty = ?
                """).params(doctorId, timestamp(now), questionId, specialty.name()).update() == 1;
    }

    /** Back to OPEN, only if this doctor holds it. */
    public boolean release(UUID questionId, UUID doctorId) {
        return jdbc.sql("""
                update queue_item set status = 'OPEN', claimed_by = null, claimed_at = null
                where question_id = ? and status = 'CLAIMED' and claimed_by = ?
                """).params(questionId, doctorId).update() == 1;
    }

    /**
     * Takes the question out of its queue while the workflow places it in {@code to}: only from this specialty's
     * queue, and only if it is open or held by this doctor (whose claim ends here).
     */
    public boolean reroute(UUID questionId, Specialty from, Specialty to, UUID doctorId, Instant now) {
        return jdbc.sql("""
                update queue_item set status = 'REROUTING', reroute_to = ?, reroute_requested_at = ?,
                                      claimed_by = null, claimed_at = null
                where question_id = ? and specialty = ?
                  and (status = 'OPEN' or (status = 'CLAIMED' and claimed_by = ?))
                """).params(to.name(), timestamp(now), questionId, from.name(), doctorId).update() == 1;
    }

    /**
     * The patient withdrew the question: it leaves every queue, a claim on it ends, and no later routing brings it
     * back. Arriving before the question itself, it leaves a WITHDRAWN row the question's content then fills. An
     * answered question stays answered (a reply the service accepted is never lost).
     */
    public void withdraw(UUID questionId, Instant withdrawnAt) {
        jdbc.sql("""
                insert into queue_item (question_id, status, withdrawn_at) values (?, 'WITHDRAWN', ?)
                on conflict (question_id) do update
                    set status = 'WITHDRAWN', withdrawn_at = excluded.withdrawn_at, claimed_by = null,
                        claimed_at = null, reroute_to = null, reroute_requested_at = null
                    where queue_item.status not in ('ANSWERED', 'WITHDRAWN')
                """).params(questionId, timestamp(withdrawnAt)).update();
    }

    /** ANSWERED, only if this doctor holds it. */
    public boolean answer(UUID questionId, UUID doctorId) {
        return jdbc.sql("""
                update queue_item set status = 'ANSWERED'
                where question_id = ? and status = 'CLAIMED' and claimed_by = ?
                """).params(questionId, doctorId).update() == 1;
    }

    private static QueueItem item(ResultSet rs) throws SQLException {
        return new QueueItem(rs.getObject("question_id", UUID.class), rs.getString("title"), rs.getString("body"),
                rs.getString("nickname"), enumOf(AgeRange.class, rs.getString("age_range")),
                enumOf(Gender.class, rs.getString("gender")),
                enumOf(Specialty.class, rs.getString("requested_specialty")), rs.getBoolean("urgent"),
                instant(rs, "asked_at"), enumOf(Specialty.class, rs.getString("specialty")),
                rs.getString("routed_by"), rs.getInt("priority"), instant(rs, "claim_due_at"),
                instant(rs, "reply_due_at"), instant(rs, "queued_at"),
                QueueItem.Status.valueOf(rs.getString("status")), rs.getObject("claimed_by", UUID.class),
                rs.getString("claimed_by_name"), instant(rs, "claimed_at"),
                enumOf(Specialty.class, rs.getString("reroute_to")));
    }

    private static String[] names(Collection<Specialty> specialties) {
        return specialties.stream().map(Enum::name).toArray(String[]::new);
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String name) {
        return name == null ? null : Enum.valueOf(type, name);
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
