package io.askflow.enrichment.index;

import io.askflow.events.Specialty;
import java.util.Set;

/**
 * A search for text written the way patients write.
 *
 * @param text         the whole text (title, body, and for More Info the reply too)
 * @param emphasis     the part that names the topic best (a title or subject line), weighted higher; may be blank
 * @param specialty    boosts results of this specialty; never filters
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
}
