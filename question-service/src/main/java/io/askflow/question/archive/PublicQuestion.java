package io.askflow.question.archive;

import io.askflow.events.ReplyEnriched.MoreInfo;
import io.askflow.events.ReplyEnriched.RelatedFaq;
import io.askflow.events.ReplyEnriched.SimilarQuestion;
import io.askflow.events.Specialty;
import io.askflow.question.Question;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An answered question as the public archive shows it: the asker's pseudonym, age range and gender, never
 * the email.
 */
public record PublicQuestion(UUID id, String title, String body, String nickname, String ageRange, String gender,
                             Instant askedAt, String doctorName, String specialty, String specialtySlug,
                             String reply, Instant repliedAt, List<MoreInfo> moreInfo,
                             List<SimilarQuestion> similarQuestions, List<RelatedFaq> relatedFaq) {

    /** The question must be {@link Question#published() published}. */
    static PublicQuestion of(Question q) {
        Specialty specialty = q.shownSpecialty();
        var enrichment = q.enrichment();
        return new PublicQuestion(q.id(), q.title(), q.body(), q.nickname(), q.ageRange().label(),
                q.gender().label(), q.askedAt(), q.reply().doctorName(),
                specialty == null ? null : specialty.displayName(), specialty == null ? null : specialty.slug(),
                q.reply().body(), q.reply().repliedAt(),
                enrichment == null ? List.of() : enrichment.moreInfo(),
                enrichment == null ? List.of() : enrichment.similarQuestions(),
                enrichment == null ? List.of() : enrichment.relatedFaq());
    }

    /** The start of the question, for lists. */
    public String bodySnippet() {
        return snippet(body, 160);
    }

    /** The first characters of a text, cut at a word. */
    static String snippet(String text, int max) {
        if (text == null || text.codePointCount(0, text.length()) <= max) {
            return text;
        }
        String cut = text.substring(0, text.offsetByCodePoints(0, max));
        int space = cut.lastIndexOf(' ');
        return (space > max / 2 ? cut.substring(0, space) : cut) + "…";
    }
}
