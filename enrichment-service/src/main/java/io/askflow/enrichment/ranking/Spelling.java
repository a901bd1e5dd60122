package io.askflow.enrichment.ranking;

import io.askflow.enrichment.index.Fields;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.search.FuzzyTermsEnum;
import org.apache.lucene.util.BytesRef;

/**
 * Corrects words the index does not know to the closest word it does: the fewest edits, then the most documents.
 * A corrected word then counts like any other, so a misspelled disease name ("diabetis") still names the topic,
 * which a fuzzy query alone could not do. Corrections come from the section questions (focus names and their
 * templates): patients mostly misspell the names of diseases and drugs, and the answers' far larger vocabulary
 * takes milliseconds per word to search.
 */
final class Spelling {

    /** Shorter words have too many neighbours one edit away to guess from. */
    static final int MIN_LENGTH = 5;
    /** From this length on, two edits are allowed. */
    static final int TWO_EDITS_LENGTH = 8;

    private Spelling() {
    }

    /** Each unknown word of {@code terms} that has a correction, mapped to it. */
    static Map<String, String> corrections(IndexReader reader, Iterable<String> terms,
                                           DocumentFrequencies frequencies) throws IOException {
        Map<String, String> corrections = new HashMap<>();
        for (String term : terms) {
            if (term.length() >= MIN_LENGTH && !corrections.containsKey(term) && frequencies.of(term) == 0) {
                String correction = correction(reader, term);
                if (correction != null) {
                    corrections.put(term, correction);
                }
            }
        }
        return corrections;
    }

    private static String correction(IndexReader reader, String term) throws IOException {
        int edits = term.length() >= TWO_EDITS_LENGTH ? 2 : 1;
        Terms terms = MultiTerms.getTerms(reader, Fields.QUESTION);
        if (terms == null) {
            return null;
        }
        FuzzyTermsEnum near = new FuzzyTermsEnum(terms, new Term(Fields.QUESTION, term), edits, 1, true);
        String best = null;
        float bestSimilarity = 0;
        int bestDocs = 0;
        for (BytesRef candidate = near.next(); candidate != null; candidate = near.next()) {
            float similarity = near.getBoost();
            int docs = near.docFreq();
            if (similarity > bestSimilarity || similarity == bestSimilarity && docs > bestDocs) {
                best = candidate.utf8ToString();
                bestSimilarity = similarity;
                bestDocs = docs;
            }
        }
        return best;
    }
}
