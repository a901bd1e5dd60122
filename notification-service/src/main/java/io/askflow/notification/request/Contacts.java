package io.askflow.notification.request;

import io.askflow.events.QuestionSubmitted;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Repository;

/** The patient's contact per question: the only place outside question-service that keeps the address. */
@Repository
class Contacts {

    private final NamedParameterJdbcTemplate jdbc;

    Contacts(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the contacts of these questions in one batch of statements; a known question keeps its contact. */
    void rememberAll(List<QuestionSubmitted> questions) {
        jdbc.batchUpdate("""
                insert into question_contact (question_id, email, nickname, title, tracking_url, language, submitted_at)
                values (:questionId, :email, :nickname, :title, :trackingUrl, :language, :submittedAt)
                on conflict (question_id) do nothing
                """, questions.stream()
                // one order for every batch, so concurrent batches never deadlock on the same questions
                .sorted(Comparator.comparing(QuestionSubmitted::questionId))
                .map(question -> new MapSqlParameterSource()
                        .addValue("questionId", question.questionId())
                        .addValue("email", question.contactEmail().strip())
                        .addValue("nickname", question.nickname())
                        .addValue("title", question.title())
                        .addValue("trackingUrl", question.trackingUrl())
                        .addValue("language", question.language())
                        .addValue("submittedAt", Timestamp.from(question.occurredAt())))
                .toArray(SqlParameterSource[]::new));
    }

    /** The contacts of those of these questions that this service has seen, in one query. */
    Map<UUID, Contact> of(Collection<UUID> questionIds) {
        Map<UUID, Contact> contacts = new HashMap<>();
        if (questionIds.isEmpty()) {
            return contacts;
        }
        jdbc.query("select * from question_contact where question_id in (:questionIds)",
                new MapSqlParameterSource("questionIds", questionIds),
                rs -> {
                    contacts.put(rs.getObject("question_id", UUID.class), new Contact(rs.getString("email"),
                            rs.getString("nickname"), rs.getString("title"), rs.getString("tracking_url"),
                            rs.getString("language")));
                });
        return contacts;
    }

    record Contact(String email, String nickname, String title, String trackingUrl, String language) {

        @Override
        public String toString() {
            return "Contact[nickname=" + nickname + "]";
        }
    }
}
