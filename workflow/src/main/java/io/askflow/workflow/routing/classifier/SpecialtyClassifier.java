package io.askflow.workflow.routing.classifier;

import io.askflow.events.Specialty;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Suggests the specialty of a question from weighted keywords and phrases (see {@link KeywordFile} for the
 * file a clinician edits). Each term counts once in the title and once in the body, the title
 * {@value #TITLE_WEIGHT} times as much; negation is ignored ("no fever" still says fever), which costs little
 * because a patient names what worries them. Confidence is the top specialty's share of all the evidence,
 * with {@value #PRIOR} points of doubt added, so one weak word or a split vote stays well below 1.
 * Immutable and thread-safe.
 */
public final class SpecialtyClassifier {

    /** The keyword file on the classpath. */
    public static final String KEYWORDS = "/routing/specialty-keywords.tsv";
    static final double TITLE_WEIGHT = 2;
    static final double PRIOR = 2;

    private final List<Term> terms;

    private SpecialtyClassifier(List<Term> terms) {
        this.terms = terms;
    }

    /** The classifier with the keyword file shipped in this module. */
    public static SpecialtyClassifier fromClasspath() {
        return fromClasspath(KEYWORDS);
    }

    public static SpecialtyClassifier fromClasspath(String resource) {
        InputStream in = SpecialtyClassifier.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalArgumentException("no keyword file at classpath:" + resource);
        }
        return read(new InputStreamReader(in, StandardCharsets.UTF_8), "classpath:" + resource);
    }

    /** Reads a keyword file; {@code source} names it in error messages. Closes the reader. */
    public static SpecialtyClassifier read(Reader keywords, String source) {
        return new SpecialtyClassifier(KeywordFile.read(keywords, source));
    }

    public Suggestion suggest(String title, String body) {
        return score(title, body).suggestion();
    }

    Scoring score(String title, String body) {
        Text titleText = Text.of(title);
        Text bodyText = Text.of(body);
        Map<Specialty, Double> scores = new EnumMap<>(Specialty.class);
        List<Term> matched = new ArrayList<>();
        for (Term term : terms) {
            double points = (term.occursIn(titleText) ? TITLE_WEIGHT * term.weight() : 0)
                    + (term.occursIn(bodyText) ? term.weight() : 0);
            if (points > 0) {
                scores.merge(term.specialty(), points, Double::sum);
                matched.add(term);
            }
        }
        return new Scoring(scores, matched);
    }

    /** The evidence behind a suggestion, to explain a misroute to whoever edits the keyword file. */
    record Scoring(Map<Specialty, Double> scores, List<Term> matched) {

        Suggestion suggestion() {
            // ties go to the specialty listed first in the enum, so the answer never depends on map order
            return scores.entrySet().stream()
                    .max(Comparator.<Map.Entry<Specialty, Double>>comparingDouble(Map.Entry::getValue)
                            .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
                    .map(top -> new Suggestion(top.getKey(), top.getValue() / (total() + PRIOR)))
                    .orElseGet(Suggestion::none);
        }

        private double total() {
            return scores.values().stream().mapToDouble(Double::doubleValue).sum();
        }
    }
}
