package io.askflow.question.archive;

import static io.askflow.question.QuestionRowMapper.name;

import io.askflow.events.Specialty;
import io.askflow.question.Question;
import io.askflow.question.QuestionRowMapper;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The public archive's read model: answered questions whose askers consented to publishing. */
@Repository
class ArchiveRepository {

    /** {@link Question#published()} in SQL. */
    static final String PUBLISHED = "reply_body is not null and consent_to_publish";
    /** The text a search looks in, as the indexes of V1 (full text) and V4 (trigrams) have it. */
    private static final String SEARCHED_TEXT = "(title || ' ' || body || ' ' || coalesce(reply_body, ''))";
    private static final String SEARCHED = "to_tsvector('english', " + SEARCHED_TEXT + ")";
    /** The search's statement; parameters: words, ilike pattern, words, limit. */
    static final String SEARCH = "select * from question where " + PUBLISHED + " and (" + SEARCHED
            + " @@ websearch_to_tsquery('english', ?) or " + SEARCHED_TEXT + " ilike ?)"
            + " order by ts_rank(" + SEARCHED + ", websearch_to_tsquery('english', ?)) desc, replied_at desc limit ?";
    private static final String SHOWN_SPECIALTY = "coalesce(reply_specialty, specialty, requested_specialty)";

    private final JdbcClient jdbc;
    private final QuestionRowMapper rows;
    private final PublishedSimilarQuestions similar;

    ArchiveRepository(JdbcClient jdbc, QuestionRowMapper rows, PublishedSimilarQuestions similar) {
        this.jdbc = jdbc;
        this.rows = rows;
        this.similar = similar;
    }

    /** The question while it is published, showing only similar questions that still are. */
    Optional<Question> findPublished(UUID id) {
        return jdbc.sql("select * from question where id = ?").param(id).query(rows).optional()
                .filter(Question::published)
                .map(similar::keepOnlyPublished);
    }

    /** Answered questions whose askers consented, newest answer first; {@code null} specialty: all of them. */
    List<Question> published(Specialty specialty, int offset, int limit) {
        return jdbc.sql("select * from question where " + PUBLISHED
                        + " and (cast(? as text) is null or " + SHOWN_SPECIALTY + " = ?)"
                        + " order by replied_at desc, id limit ? offset ?")
                .params(name(specialty), name(specialty), limit, offset)
                .query(rows).list();
    }

    /**
     * Published questions with these words in title, question or reply, best match first. Words are stemmed
     * (English); text without spaces between words (Chinese, Japanese) and parts of words are matched as typed.
     * Both conditions have an index (V1, V4), so no search reads the whole table.
     */
    List<Question> search(String words, int limit) {
        String like = "%" + words.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return jdbc.sql(SEARCH).params(words, like, words, limit).query(rows).list();
    }

    /** How many published questions each specialty has (specialties without any are left out). */
    Map<Specialty, Integer> publishedCounts() {
        Map<Specialty, Integer> counts = new EnumMap<>(Specialty.class);
        jdbc.sql("select " + SHOWN_SPECIALTY + " as s, count(*) as n from question where " + PUBLISHED
                        + " and " + SHOWN_SPECIALTY + " is not null group by 1")
                .query(rs -> {
                    counts.put(Specialty.valueOf(rs.getString("s")), rs.getInt("n"));
                });
        return counts;
    }
}
