package io.askflow.enrichment.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/** Field names of the index, and the analysis shared by indexing and querying. */
final class Fields {

    /** Bump when fields or analysis change: an index of another format is rebuilt on start. */
    static final String FORMAT = "3";

    static final String ID = "id";
    static final String KIND = "kind";
    static final String PAGE = "page";
    static final String TITLE = "title";
    static final String QUESTION = "question";
    static final String FOCUS = "focus";
    /** The focus and each synonym as one analyzed phrase, e.g. {@code bell palsi}: exact topic matches. */
    static final String FOCUS_KEY = "focusKey";
    static final String SYNONYMS = "synonyms";
    static final String ANSWER = "answer";
    static final String QTYPE = "qtype";
    static final String SPECIALTY = "specialty";
    static final String URL = "url";
    static final String SOURCE = "source";
    static final String DOCTOR = "doctor";
    static final String HAS_ANSWER = "hasAnswer";
    /** When the row was last changed in the schema (epoch microseconds, doc values): what the sync compares. */
    static final String VERSION = "version";

    /** English analysis: possessives, lower case, stop words, Porter stemming. */
    static Analyzer analyzer() {
        return new EnglishAnalyzer();
    }

    /** The analyzed terms of a text, in order. */
    static List<String> terms(Analyzer analyzer, String text) {
        List<String> terms = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return terms;
        }
        try (TokenStream stream = analyzer.tokenStream(QUESTION, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return terms;
    }

    /** A phrase in the form of {@link #FOCUS_KEY}. */
    static String key(Analyzer analyzer, String phrase) {
        return String.join(" ", terms(analyzer, phrase));
    }

    private Fields() {
    }
}
