package io.askflow.question;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.askflow.events.AgeRange;
import io.askflow.events.Gender;
import io.askflow.events.ReplyEnriched.SimilarQuestion;
import io.askflow.events.Specialty;
import io.askflow.events.Step;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The questions of this service's schema. Event handlers first {@link #lock} the question, so events of one
 * question arriving on different topics at once apply one after the other.
 */
@Repository
public class QuestionRepository {

    private static final String PUBLISHED = "reply_body is not null and consent_to_publish";
    private static final String SEARCHED =
            "to_tsvector('english', title || ' ' || body || ' ' || coalesce(reply_body, ''))";
    private static final String SHOWN_SPECIALTY = "coalesce(reply_specialty, specialty, requested_specialty)";

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    QuestionRepository(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
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

    /** The ids of the questions asked with this address, whatever its case. */
    public List<UUID> idsByEmail(String email) {
        return jdbc.sql("select id from question where lower(email) = lower(?)").param(email).query(UUID.class).list();
    }

    /** The asker no longer consents to publishing; whether that changed anything. */
    public boolean withdrawConsent(UUID id, Instant at) {
        return jdbc.sql("update question set consent_to_publish = false, consent_withdrawn_at = ? where id = ? and consent_to_publish")
                .params(timestamp(at), id)
                .update() == 1;
    }

    /** Records that the asker asked for the tracking link again. */
    public void recordLinkRequest(UUID id, Instant at) {
        jdbc.sql("insert into tracking_link_request (id, question_id, requested_at) values (?, ?, ?)")
                .params(UUID.randomUUID(), id, timestamp(at))
                .update();
    }

    public Optional<Question> findById(UUID id) {
        return jdbc.sql("select * from question where id = ?").param(id).query(this::question).optional()
                .map(this::withSimilarQuestionsStillPublished);
    }

    public Optional<Question> findByTrackingToken(String token) {
        return jdbc.sql("select * from question where tracking_token = ?").param(token).query(this::question)
                .optional().map(this::withSimilarQuestionsStillPublished);
    }

    /**
     * The enrichment was stored when the reply came; a question it names under Similar Q&A may have been withdrawn,
     * or its asker's consent to publish, since. Such a question is left out wherever the enrichment is shown, so
     * its title and text leave every page the moment its asker decides (knowledge entries stay).
     */
    private Question withSimilarQuestionsStillPublished(Question question) {
        if (question.enrichment() == null) {
            return question;
        }
        List<UUID> named = question.enrichment().similarQuestions().stream()
                .filter(SimilarQuestion::refersToQuestion)
                .flatMap(similar -> uuid(similar.id()).stream()).toList();
        List<UUID> published = named.isEmpty() ? List.of()
                : jdbc.sql("select id from question where id in (:ids) and " + PUBLISHED).param("ids", named)
                        .query(UUID.class).list();
        return question.withEnrichment(question.enrichment().showingOnly(similar ->
                !similar.refersToQuestion() || uuid(similar.id()).filter(published::contains).isPresent()));
    }

    private static Optional<UUID> uuid(String id) {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException | NullPointerException notAQuestionId) {
            return Optional.empty();
        }
    }

    /** Locks the question's row for the rest of the transaction; an unknown id is poison. */
    public void lock(UUID id) {
        jdbc.sql("select id from question where id = ? for update").param(id).query(UUID.class).optional()
                .orElseThrow(() -> new UnknownQuestionException(id));
    }

    public List<TimelineStep> timeline(UUID id) {
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

    public void updateStatus(UUID id, Step status) {
        jdbc.sql("update question set status = ? where id = ?").params(status.name(), id).update();
    }

    /** Records the routing unless a later one is already there (topics are not ordered against each other). */
    public void route(UUID id, Specialty specialty, Instant at) {
        jdbc.sql("update question set specialty = ?, specialty_at = ? where id = ? and (specialty_at is null or specialty_at <= ?)")
                .params(specialty.name(), timestamp(at), id, timestamp(at))
                .update();
    }

    /** A doctor took the question, unless something later about its doctor is already recorded. */
    public void claim(UUID id, UUID doctorId, String doctorName, Instant at) {
        jdbc.sql("""
                        update question set doctor_id = ?, doctor_name = ?, doctor_at = ?
                        where id = ? and reply_body is null and (doctor_at is null or doctor_at <= ?)""")
                .params(doctorId, doctorName, timestamp(at), id, timestamp(at))
                .update();
    }

    /** The doctor let the question go; only their own, later claim is cleared. */
    public void release(UUID id, UUID doctorId, Instant at) {
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
                .params(write(enrichment), timestamp(at), id)
                .update();
    }

    /** Answered questions whose askers consented, newest answer first; {@code null} specialty: all of them. */
    public List<Question> published(Specialty specialty, int offset, int limit) {
        return jdbc.sql("select * from question where " + PUBLISHED
                        + " and (cast(? as text) is null or " + SHOWN_SPECIALTY + " = ?)"
                        + " order by replied_at desc, id limit ? offset ?")
                .params(name(specialty), name(specialty), limit, offset)
                .query(this::question).list();
    }

    /**
     * Published questions with these words in title, question or reply, best match first. Words are stemmed
     * (English); text without spaces between words (Chinese, Japanese) is matched as typed.
     */
    public List<Question> search(String words, int limit) {
        String like = "%" + words.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return jdbc.sql("select * from question where " + PUBLISHED + " and (" + SEARCHED
                        + " @@ websearch_to_tsquery('english', ?) or title ilike ? or body ilike ? or reply_body ilike ?)"
                        + " order by ts_rank(" + SEARCHED + ", websearch_to_tsquery('english', ?)) desc, replied_at desc"
                        + " limit ?")
                .params(words, like, like, like, words, limit)
                .query(this::question).list();
    }

    /** How many published questions each specialty has (specialties without any are left out). */
    public Map<Specialty, Integer> publishedCounts() {
        Map<Specialty, Integer> counts = new EnumMap<>(Specialty.class);
        jdbc.sql("select " + SHOWN_SPECIALTY + " as s, count(*) as n from question where " + PUBLISHED
                        + " and " + SHOWN_SPECIALTY + " is not null group by 1")
                .query(rs -> {
                    counts.put(Specialty.valueOf(rs.getString("s")), rs.getInt("n"));
                });
        return counts;
    }

    private Question question(ResultSet rs, int row) throws SQLException {
        Reply reply = rs.getString("reply_body") == null ? null
                : new Reply(rs.getObject("reply_id", UUID.class), rs.getString("reply_body"),
                        rs.getString("reply_doctor_name"), specialty(rs.getString("reply_specialty")),
                        instant(rs, "replied_at"));
        String enrichment = rs.getString("enrichment");
        return new Question(rs.getObject("id", UUID.class), rs.getString("tracking_token"),
                rs.getString("nickname"), rs.getString("email"), AgeRange.valueOf(rs.getString("age_range")),
                Gender.valueOf(rs.getString("gender")), specialty(rs.getString("requested_specialty")),
                rs.getString("title"), rs.getString("body"), rs.getString("language"),
                rs.getBoolean("consent_to_publish"), rs.getBoolean("urgent"), Step.valueOf(rs.getString("status")), instant(rs, "asked_at"),
                specialty(rs.getString("specialty")), rs.getString("doctor_name"), reply,
                enrichment == null ? null : read(enrichment));
    }

    private String write(Enrichment enrichment) {
        try {
            return json.writeValueAsString(enrichment);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot store enrichment", e);
        }
    }

    private Enrichment read(String text) {
        try {
            return json.readValue(text, Enrichment.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored enrichment is unreadable", e);
        }
    }

    private static Specialty specialty(String name) {
        return name == null ? null : Specialty.valueOf(name);
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
