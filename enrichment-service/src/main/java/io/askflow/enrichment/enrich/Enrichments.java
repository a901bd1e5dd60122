package io.askflow.enrichment.enrich;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.askflow.events.ReplyEnriched;
import java.sql.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The enrichment of each reply, as published. */
@Repository
class Enrichments {

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    Enrichments(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Stores the enrichment; {@code false} if this reply was enriched before. */
    boolean store(ReplyEnriched enriched) {
        return jdbc.update("""
                insert into reply_enrichment (reply_id, question_id, more_info, similar_questions, related_faq,
                                              enriched_at)
                values (?, ?, ?::jsonb, ?::jsonb, ?::jsonb, ?) on conflict (reply_id) do nothing
                """, enriched.replyId(), enriched.questionId(), write(enriched.moreInfo()),
                write(enriched.similarQuestions()), write(enriched.relatedFaq()),
                Timestamp.from(enriched.occurredAt())) == 1;
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
