package io.askflow.question.archive;

import io.askflow.events.ReplyEnriched.SimilarQuestion;
import io.askflow.question.Question;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The enrichment was stored when the reply came; a question it names under Similar Q&A may have been withdrawn,
 * or its asker's consent to publish, since. Such a question is left out wherever the enrichment is shown (the
 * public pages here, the tracking pages too), so its title and text leave every page the moment its asker decides
 * (knowledge entries stay).
 */
@Component
public class PublishedSimilarQuestions {

    private final JdbcClient jdbc;

    PublishedSimilarQuestions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The question with only the similar questions that are still published. */
    public Question keepOnlyPublished(Question question) {
        if (question.enrichment() == null) {
            return question;
        }
        List<UUID> named = question.enrichment().similarQuestions().stream()
                .filter(SimilarQuestion::refersToQuestion)
                .flatMap(similar -> uuid(similar.id()).stream()).toList();
        List<UUID> published = named.isEmpty() ? List.of()
                : jdbc.sql("select id from question where id in (:ids) and " + ArchiveRepository.PUBLISHED)
                        .param("ids", named).query(UUID.class).list();
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
}
