package io.askflow.enrichment.knowledge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The knowledge table of the enrichment schema. */
@Repository
public class KnowledgeRecords {

    /** What an upsert did. */
    enum Outcome { IMPORTED, UPDATED, UNCHANGED }

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };

    private final JdbcTemplate jdbc;
    private final JdbcTemplate streaming;
    private final ObjectMapper json;

    KnowledgeRecords(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
        // PostgreSQL streams a result set by fetch size only inside a transaction; the caller opens one
        this.streaming = new JdbcTemplate(jdbc.getDataSource());
        this.streaming.setFetchSize(1000);
    }

    /** Inserts a new record or replaces a changed one; the same record again changes nothing. */
    Outcome upsert(KnowledgeRecord record) {
        List<Boolean> inserted = jdbc.queryForList("""
                insert into knowledge_record (id, source, url, focus, synonyms, category, semantic_group, cuis, qtype,
                                              question, answer, content_hash)
                values (?, ?, ?, ?, ?::jsonb, ?, ?, ?::jsonb, ?, ?, ?, ?)
                on conflict (id) do update set source = excluded.source, url = excluded.url, focus = excluded.focus,
                    synonyms = excluded.synonyms, category = excluded.category,
                    semantic_group = excluded.semantic_group, cuis = excluded.cuis, qtype = excluded.qtype,
                    question = excluded.question, answer = excluded.answer, content_hash = excluded.content_hash,
                    changed_at = now()
                where knowledge_record.content_hash <> excluded.content_hash
                returning (xmax = 0)
                """, Boolean.class, record.id(), record.source(), record.url(), record.focus(),
                write(record.synonyms()), record.category(), record.semanticGroup(), write(record.cuis()),
                record.qtype(), record.question(), record.answer(), record.contentHash());
        if (inserted.isEmpty()) {
            return Outcome.UNCHANGED;
        }
        return inserted.get(0) ? Outcome.IMPORTED : Outcome.UPDATED;
    }

    public long count() {
        Long count = jdbc.queryForObject("select count(*) from knowledge_record", Long.class);
        return count == null ? 0 : count;
    }

    /** Every record changed at or after {@code since} (all of them for {@link Instant#EPOCH}), streamed. */
    public void changedSince(Instant since, Consumer<Changed<KnowledgeRecord>> each) {
        streaming.query("""
                select id, source, url, focus, synonyms, category, semantic_group, cuis, qtype, question, answer,
                       changed_at
                from knowledge_record where changed_at >= ?
                """, (ResultSet rs) -> {
            each.accept(new Changed<>(map(rs), rs.getTimestamp("changed_at").toInstant()));
        }, java.sql.Timestamp.from(since));
    }

    /** A row with the instant it last changed. */
    public record Changed<T>(T row, Instant changedAt) {
    }

    private KnowledgeRecord map(ResultSet rs) throws SQLException {
        return new KnowledgeRecord(rs.getString("id"), rs.getString("source"), rs.getString("url"),
                rs.getString("focus"), read(rs.getString("synonyms")), rs.getString("category"),
                rs.getString("semantic_group"), read(rs.getString("cuis")), rs.getString("qtype"),
                rs.getString("question"), rs.getString("answer"));
    }

    private String write(List<String> values) {
        try {
            return json.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> read(String values) {
        try {
            return json.readValue(values, STRINGS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
