package io.askflow.enrichment.ranking;

import io.askflow.enrichment.index.Kind;
import java.util.List;

/**
 * One search result, the best passage of its source page.
 *
 * @param snippet      a plain-text passage cut at sentence boundaries
 * @param snippetHtml  the same passage, HTML-escaped, with the matched words in {@code <mark>}
 * @param replySnippet for an Askflow question, the best passage of its reply; otherwise empty
 * @param questionText the full question (knowledge) or title and body (Askflow question)
 * @param answerText   the full answer (knowledge) or reply (Askflow question); may be empty
 * @param specialties  specialties this result belongs to (knowledge: by its source; question: its reply's)
 */
public record Hit(String id, Kind kind, String page, String title, String snippet, String snippetHtml,
                  String replySnippet, String url,
                  String source, List<String> specialties, String doctorName, String questionText,
                  String answerText, float score) {
}
