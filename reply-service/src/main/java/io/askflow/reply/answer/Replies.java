package io.askflow.reply.answer;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Replies as stored, one per question. */
@Repository
class Replies {

    private final JdbcTemplate jdbc;

    Replies(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    record StoredReply(UUID id, UUID doctorId, String body, Instant postedAt) {
    }

    Optional<StoredReply> forQuestion(UUID questionId) {
        return jdbc.query("select id, doctor_id, body, posted_at from reply where question_id = ?",
                (rs, n) -> new StoredReply(rs.getObject("id", UUID.class), rs.getObject("doctor_id", UUID.class),
                        rs.getString("body"), rs.getObject("posted_at", OffsetDateTime.class).toInstant()),
                questionId).stream().findFirst();
    }
}
