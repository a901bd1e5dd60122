package io.askflow.enrichment.similar;

import io.askflow.events.Specialty;

/**
 * One result of {@code /api/similar}.
 *
 * @param id          an Askflow question id, or the knowledge record's id from its import file
 * @param kind        QUESTION or KNOWLEDGE
 * @param snippet     plain text cut at sentence boundaries
 * @param snippetHtml the same, HTML-escaped, with the matched words in {@code <mark>}
 * @param source      the source to name next to the text (MedQuAD's subset, or Askflow)
 * @param url         the page to link (the source page, or the public Q&amp;A page)
 */
public record SimilarResult(String id, String kind, String title, String snippet, String snippetHtml, String url,
                            String source, Specialty specialty, float score) {
}
