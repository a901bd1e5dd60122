package io.askflow.question.track;

import static io.askflow.question.QuestionRowMapper.timestamp;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What the patient decides about their questions: consent to publish, and their tracking links sent again. */
@Repository
class PatientControlRepository {

    private final JdbcClient jdbc;

    PatientControlRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The ids of the questions asked with this address, whatever its case. */
    List<UUID> idsByEmail(String email) {
        return jdbc.sql("select id from question where lower(email) = lower(?)").param(email).query(UUID.class).list();
    }

    /** The asker no longer consents to publishing; whether that changed anything. */
    boolean withdrawConsent(UUID id, Instant at) {
        return jdbc.sql("update question set consent_to_publish = false, consent_withdrawn_at = ? where id = ? and consent_to_publish")
                .params(timestamp(at), id)
                .update() == 1;
    }

    /** Records that the asker asked for the tracking link again. */
    void recordLinkRequest(UUID id, Instant at) {
        jdbc.sql("insert into tracking_link_request (id, question_id, requested_at) values (?, ?, ?)")
                .params(UUID.randomUUID(), id, timestamp(at))
                .update();
    }
}
