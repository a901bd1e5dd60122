package io.askflow.notification.request;

import io.askflow.events.QuestionSubmitted;
import java.sql.Timestamp;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** The patient's contact per question: the only place outside question-service that keeps the address. */
@Repository
class Contacts {

    private final NamedParameterJdbcTemplate jdbc;

    Contacts(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void remember(QuestionSubmitted question) {
        jdbc.update("""
                insert into question_contact (question_id, email, nickname, title, tracking_url, language, submitted_at)
                values (:questionId, :email, :nickname, :title, :trackingUrl, :language, :submittedAt)
                on conflict (question_id) do nothing
                """, new MapSqlParameterSource()
                .addValue("questionId", question.questionId())
                .addValue("email", question.contactEmail().strip())
                .addValue("nickname", question.nickname())
                .addValue("title", question.title())
                .addValue("trackingUrl", question.trackingUrl())
                .addValue("language", question.language())
                .addValue("submittedAt", Timestamp.from(question.occurredAt())));
    }

    Optional<Contact> of(UUID questionId) {
        return jdbc.query("select * from question_contact where question_id = :questionId",
                new MapSqlParameterSource("questionId", questionId),
                (rs, row) -> new Contact(rs.getString("email"), rs.getString("nickname"), rs.getString("title"),
                        rs.getString("tracking_url"), rs.getString("language"))).stream().findFirst();
    }

    record Contact(String email, String nickname, String title, String trackingUrl, String language) {

        @Override
        public String toString() {
            return "Contact[nickname=" + nickname + "]";
        }
    }
}
