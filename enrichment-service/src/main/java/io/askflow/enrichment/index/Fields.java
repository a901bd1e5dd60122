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
public final class Fields {

    /** Bump when fields or analysis change: an index of another format is rebuilt on start. */
    public static final String FORMAT = "4";

    /** BM25's default. */
    public static final float BM25_K1 = 1.2f;
    /** BM25's b for {@link #QUESTION} (the default, for the other fields, is 0.75). */
    public static final float QUESTION_LENGTH_NORMALIZATION = 0.3f;

    public static final String ID = "id";
    public static final String KIND = "kind";
    public static final String PAGE = "page";
    public static final String TITLE = "title";
    public static final String QUESTION = "question";
    public static final String FOCUS = "focus";
    /**
     * The focus and each synonym as one analyzed phrase, e.g. {@code bell palsi}: exact topic matches, and (doc
     * values) the topics of the best pages.
     */
    public static final String FOCUS_KEY = "focusKey";
    public static final String SYNONYMS = "synonyms";
    public static final String ANSWER = "answer";
    public static final String QTYPE = "qtype";
    public static final String SPECIALTY = "specialty";
    public static final String URL = "url";
    public static final String SOURCE = "source";
    public static final String DOCTOR = "doctor";
    public static final String HAS_ANSWER = "hasAnswer";
    /** When the row was last changed in the schema (epoch microseconds, doc values): what the sync compares. */
    public static final String VERSION = "version";

    /** English analysis: possessives, lower case, stop words, Porter stemming. */
    public static Analyzer analyzer() {
        return new EnglishAnalyzer();
    }

    /**
     * BM25, with less length normalization for section questions: they are MedQuAD's templates around the focus
     * ("What is (are) X ?", "What are the treatments for X ?"), and a shorter template is no reason to rank a
     * section higher. The lengths stored in the index do not depend on these parameters.
     */
    public static Similarity similarity() {
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
    public static List<String> terms(Analyzer analyzer, String text) {
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
    public static String key(Analyzer analyzer, String phrase) {
        return String.join(" ", terms(analyzer, phrase));
    }

    private Fields() {
    }
}
