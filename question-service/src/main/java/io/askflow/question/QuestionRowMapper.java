package io.askflow.question;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.askflow.events.AgeRange;
import io.askflow.events.Gender;
import io.askflow.events.Specialty;
import io.askflow.events.Step;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/**
 * A row of the {@code question} table as a {@link Question}, and the column values every feature's repository
 * writes (dates, enum names, the enrichment's JSON): one mapping for every read model of the table.
 */
@Component
public class QuestionRowMapper implements RowMapper<Question> {

    private final ObjectMapper json;

    QuestionRowMapper(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public Question mapRow(ResultSet rs, int row) throws SQLException {
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

    /** The enrichment as its {@code jsonb} column holds it. */
    public String enrichmentColumn(Enrichment enrichment) {
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

    public static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    /** An enum as its text column holds it. */
    public static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static Specialty specialty(String name) {
        return name == null ? null : Specialty.valueOf(name);
    }
}
