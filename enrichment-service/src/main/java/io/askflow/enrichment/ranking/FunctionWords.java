package io.askflow.enrichment.ranking;

import io.askflow.enrichment.index.Fields;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;

/**
 * English function words (pronouns, auxiliaries, question words, common prepositions and determiners) beyond the
 * analyzer's short stop list. They stay in the index, where focus names need them ("Down syndrome", "type I"), but
 * a query does not search for them: MedQuAD's section questions are templates made of them ("How to diagnose …",
 * "Do you have information about …"), so a patient's "how do you …" would otherwise pick sections by template.
 */
final class FunctionWords {

    private static final List<String> WORDS = List.of(
            "i", "me", "my", "mine", "myself", "we", "us", "our", "ours", "you", "your", "yours", "he", "him", "his",
            "she", "her", "hers", "its", "they", "them", "their", "theirs", "what", "which", "who", "whom", "whose",
            "when", "where", "why", "how", "am", "been", "being", "have", "has", "had", "having", "do", "does",
            "did", "doing", "done", "can", "could", "would", "should", "shall", "may", "might", "must", "about",
            "from", "up", "down", "out", "off", "over", "under", "again", "further", "once", "here", "all", "any",
            "both", "each", "few", "more", "most", "other", "some", "nor", "only", "own", "same", "so", "than",
            "too", "very", "just", "now", "also", "anyone", "anything", "someone", "something");

    /** The words as the analyzer leaves them ("does" becomes "doe"). */
    private static final Set<String> TERMS = analyzed();

    private FunctionWords() {
    }

    static boolean contains(String term) {
        return TERMS.contains(term);
    }

    private static Set<String> analyzed() {
        try (Analyzer analyzer = Fields.analyzer()) {
            Set<String> terms = new HashSet<>();
            WORDS.forEach(word -> terms.addAll(Fields.terms(analyzer, word)));
            return Set.copyOf(terms);
        }
    }
}
