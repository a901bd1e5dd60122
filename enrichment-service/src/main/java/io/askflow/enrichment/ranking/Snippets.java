package io.askflow.enrichment.ranking;

import io.askflow.enrichment.index.Fields;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * Cuts the passage of a text that matches a query best, at sentence boundaries, and marks the matched words.
 * Works on the analyzed terms, so "palsies" in the text is marked for "palsy" in the question.
 */
final class Snippets {

    /** A passage in plain text and as escaped HTML with {@code <mark>} around matched words. */
    record Snippet(String text, String html) {
        static final Snippet EMPTY = new Snippet("", "");
    }

    /** How much of a long text is searched for the passage. */
    static final int SCAN_CHARS = 3000;

    private final Analyzer analyzer;

    Snippets(Analyzer analyzer) {
        this.analyzer = analyzer;
    }

    Snippet best(String text, Set<String> queryTerms, int maxChars) {
        if (text == null || text.isBlank()) {
            return Snippet.EMPTY;
        }
        // a passage is looked for in the first few thousand characters: on long pages the cost of analysing every
        // sentence would dominate a search, and the opening explains the topic
        String scanned = text.length() <= SCAN_CHARS ? text : text.substring(0, sentenceEnd(text, SCAN_CHARS));
        List<int[]> sentences = sentences(scanned);
        int[] matches = matchesPerSentence(scanned, sentences, queryTerms);
        int best = 0;
        for (int i = 1; i < matches.length; i++) {
            if (matches[i] > matches[best]) {
                best = i;
            }
        }
        int start = sentences.get(best)[0];
        int end = sentences.get(best)[1];
        for (int next = best + 1; next < sentences.size() && sentences.get(next)[1] - start <= maxChars; next++) {
            end = sentences.get(next)[1];
        }
        String passage = text.substring(start, end).strip();
        if (passage.length() > maxChars) {
            int cut = passage.lastIndexOf(' ', maxChars);
            passage = passage.substring(0, cut > maxChars / 2 ? cut : maxChars).strip() + " …";
        }
        return new Snippet(passage, mark(passage, queryTerms));
    }

    /** How many distinct query terms each sentence has, in one pass of the analyzer over the whole text. */
    private int[] matchesPerSentence(String text, List<int[]> sentences, Set<String> queryTerms) {
        int[] matches = new int[sentences.size()];
        Set<String> found = new HashSet<>();
        int sentence = 0;
        try (TokenStream stream = analyzer.tokenStream(Fields.ANSWER, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                while (sentence < sentences.size() - 1 && offset.startOffset() >= sentences.get(sentence)[1]) {
                    sentence++;
                    found.clear();
                }
                String word = term.toString();
                if (queryTerms.contains(word) && found.add(word)) {
                    matches[sentence]++;
                }
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return matches;
    }

    /** The end of the sentence that {@code at} falls in (or {@code at} if none is found soon after). */
    private static int sentenceEnd(String text, int at) {
        BreakIterator iterator = BreakIterator.getSentenceInstance(Locale.ENGLISH);
        iterator.setText(text);
        int end = iterator.following(at);
        return end == BreakIterator.DONE || end - at > SCAN_CHARS ? at : end;
    }

    private static List<int[]> sentences(String text) {
        BreakIterator iterator = BreakIterator.getSentenceInstance(Locale.ENGLISH);
        iterator.setText(text);
        List<int[]> sentences = new ArrayList<>();
        for (int start = iterator.first(), end = iterator.next(); end != BreakIterator.DONE;
             start = end, end = iterator.next()) {
            if (!text.substring(start, end).isBlank()) {
                sentences.add(new int[] {start, end});
            }
        }
        if (sentences.isEmpty()) {
            sentences.add(new int[] {0, text.length()});
        }
        return sentences;
    }

    private String mark(String passage, Set<String> queryTerms) {
        StringBuilder html = new StringBuilder(passage.length() + 32);
        int written = 0;
        try (TokenStream stream = analyzer.tokenStream(Fields.ANSWER, passage)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                if (queryTerms.contains(term.toString()) && offset.startOffset() >= written) {
                    escape(passage.substring(written, offset.startOffset()), html);
                    html.append("<mark>");
                    escape(passage.substring(offset.startOffset(), offset.endOffset()), html);
                    html.append("</mark>");
                    written = offset.endOffset();
                }
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        escape(passage.substring(written), html);
        return html.toString();
    }

    private static void escape(String text, StringBuilder html) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> html.append("&lt;");
                case '>' -> html.append("&gt;");
                case '&' -> html.append("&amp;");
                case '"' -> html.append("&quot;");
                case '\'' -> html.append("&#39;");
                default -> html.append(c);
            }
        }
    }
}
