package io.askflow.enrichment.ranking;

import io.askflow.enrichment.index.Kind;
import io.askflow.events.Specialty;
import java.util.Set;
import java.util.UUID;

/**
 * A search for text written the way patients write. Made by the factory of its use ({@link #moreInfo},
 * {@link #similarQuestions}, {@link #similarKnowledge}, {@link #anyKind}, {@link #knowledge}).
 *
 * @param text         the whole text (title, body, and for More Info the reply too)
 * @param emphasis     the part that names the topic best (a title or subject line), weighted higher; may be blank
 * @param specialty    boosts results of this specialty; never filters; may be null
 * @param kinds        which kinds of result to return
 * @param excludeId    an id never returned (the question being enriched); may be null
 * @param answeredOnly only knowledge records with an answer text (More Info needs text to show)
 * @param limit        at most this many results, one per source page
 * @param snippetChars about how long a snippet may be (whole sentences; a longer first sentence is cut)
 */
public record SearchRequest(String text, String emphasis, Specialty specialty, Set<Kind> kinds, String excludeId,
                            boolean answeredOnly, int limit, int snippetChars) {

    public static final int SNIPPET_CHARS = 300;

    public SearchRequest {
        emphasis = emphasis == null ? "" : emphasis;
        text = text == null ? "" : text;
        kinds = kinds == null || kinds.isEmpty() ? Set.of(Kind.values()) : Set.copyOf(kinds);
    }

    /** More Info for a reply: knowledge records with an answer to show, in longer snippets. */
    public static SearchRequest moreInfo(String text, String title, Specialty specialty, int limit,
                                         int snippetChars) {
        return new SearchRequest(text, title, specialty, Set.of(Kind.KNOWLEDGE), null, true, limit, snippetChars);
    }

    /** Similar Q&amp;A: answered Askflow questions like this one, never the question itself. */
    public static SearchRequest similarQuestions(String text, String title, Specialty specialty, UUID asked,
                                                 int limit) {
        return new SearchRequest(text, title, specialty, Set.of(Kind.QUESTION), asked.toString(), false, limit,
                SNIPPET_CHARS);
    }

    /** Similar Q&amp;A from the knowledge base, for a question with a title. */
    public static SearchRequest similarKnowledge(String text, String title, Specialty specialty, int limit) {
        return new SearchRequest(text, title, specialty, Set.of(Kind.KNOWLEDGE), null, false, limit, SNIPPET_CHARS);
    }

    /** Answered questions and knowledge records together, for any text; {@code specialty} may be null. */
    public static SearchRequest anyKind(String text, Specialty specialty, int limit) {
        return new SearchRequest(text, "", specialty, Set.of(Kind.values()), null, false, limit, SNIPPET_CHARS);
    }

    /** Knowledge records only, for a bare text: how the search is measured on consumer questions. */
    public static SearchRequest knowledge(String text, int limit) {
        return new SearchRequest(text, "", null, Set.of(Kind.KNOWLEDGE), null, false, limit, SNIPPET_CHARS);
    }

    /** Answered questions only, for a bare text. */
    public static SearchRequest questions(String text, int limit) {
        return new SearchRequest(text, "", null, Set.of(Kind.QUESTION), null, false, limit, SNIPPET_CHARS);
    }
}
