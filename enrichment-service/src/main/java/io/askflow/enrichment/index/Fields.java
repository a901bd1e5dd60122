package io.askflow.enrichment.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.search.similarities.PerFieldSimilarityWrapper;
import org.apache.lucene.search.similarities.Similarity;

/** Field names of the index, and the analysis shared by indexing and querying. */
final class Fields {

    /** Bump when fields or analysis change: an index of another format is rebuilt on start. */
    static final String FORMAT = "4";

    /** BM25's default. */
    static final float BM25_K1 = 1.2f;
    /** BM25's b for {@link #QUESTION} (the default, for the other fields, is 0.75). */
    static final float QUESTION_LENGTH_NORMALIZATION = 0.3f;

    static final String ID = "id";
    static final String KIND = "kind";
    static final String PAGE = "page";
    static final String TITLE = "title";
    static final String QUESTION = "question";
    static final String FOCUS = "focus";
    /**
     * The focus and each synonym as one analyzed phrase, e.g. {@code bell palsi}: exact topic matches, and (doc
     * values) the topics of the best pages.
     */
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

    /**
     * BM25, with less length normalization for section questions: they are MedQuAD's templates around the focus
     * ("What is (are) X ?", "What are the treatments for X ?"), and a shorter template is no reason to rank a
     * section higher. The lengths stored in the index do not depend on these parameters.
     */
    static Similarity similarity() {
        return new PerFieldSimilarityWrapper() {
            private final Similarity questions = new BM25Similarity(BM25_K1, QUESTION_LENGTH_NORMALIZATION);
            private final Similarity others = new BM25Similarity();

            @Override
            public Similarity get(String field) {
                return field.equals(QUESTION) ? questions : others;
            }
        };
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
