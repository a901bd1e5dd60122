package io.askflow.enrichment.index;

import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;

/**
 * Every focus and synonym phrase of one index reader ({@link Fields#FOCUS_KEY}), in memory. Finding the topic of a
 * long question looks up every run of up to six words; in memory, and stopping a run as soon as no phrase starts
 * with it, that costs microseconds instead of thousands of term-dictionary seeks.
 */
final class TopicDictionary {

    private final Set<String> phrases = new HashSet<>();
    /** Every run of words that some longer phrase starts with. */
    private final Set<String> starts = new HashSet<>();

    static TopicDictionary of(IndexReader reader) throws IOException {
        TopicDictionary dictionary = new TopicDictionary();
        Terms terms = MultiTerms.getTerms(reader, Fields.FOCUS_KEY);
        if (terms != null) {
            TermsEnum each = terms.iterator();
            for (BytesRef term = each.next(); term != null; term = each.next()) {
                dictionary.add(term.utf8ToString());
            }
        }
        return dictionary;
    }

    private void add(String phrase) {
        phrases.add(phrase);
        for (int space = phrase.indexOf(' '); space > 0; space = phrase.indexOf(' ', space + 1)) {
            starts.add(phrase.substring(0, space));
        }
    }

    boolean isPhrase(String words) {
        return phrases.contains(words);
    }

    /** Whether a longer phrase starts with these words. */
    boolean continues(String words) {
        return starts.contains(words);
    }
}
