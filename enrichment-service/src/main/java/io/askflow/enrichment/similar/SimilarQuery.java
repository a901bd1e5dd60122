package io.askflow.enrichment.similar;

/**
 * The body of {@code POST /api/similar}, for texts too long for a URL.
 *
 * @param q         the question text, up to 5000 characters
 * @param specialty a specialty's name or slug; boosts its results, never filters
 * @param limit     1 to 50 results, default 10
 */
public record SimilarQuery(String q, String specialty, Integer limit) {
}
