package io.askflow.enrichment.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;

/**
 * Every focus and synonym phrase of one index reader ({@link Fields#FOCUS_KEY}), in memory. Finding the topic of a
 * long question looks up every run of up to six words; in memory, and stopping a run as soon as no phrase starts
 * with it, that costs microseconds instead of thousands of term-dictionary seeks. Phrases of several words are also
 * kept by their rarest word, to find them in another order.
 */
final class TopicDictionary {

    /** How many other words (function words aside) may stand between the words of a phrase found in another order. */
    static final int SLACK = 1;

    private final Set<String> phrases = new HashSet<>();
    /** Every run of words that some longer phrase starts with. */
    private final Set<String> starts = new HashSet<>();
    /** Phrases of several words, as words, by their rarest word: finding them in any order reads few of them. */
    private final Map<String, List<String[]>> byRarestWord = new HashMap<>();

    static TopicDictionary of(IndexReader reader) throws IOException {
        TopicDictionary dictionary = new TopicDictionary();
        Terms terms = MultiTerms.getTerms(reader, Fields.FOCUS_KEY);
        if (terms != null) {
            TermsEnum each = terms.iterator();
            for (BytesRef term = each.next(); term != null; term = each.next()) {
                dictionary.add(term.utf8ToString());
            }
        }
        dictionary.indexWords();
        return dictionary;
    }

    private void add(String phrase) {
        phrases.add(phrase);
        for (int space = phrase.indexOf(' '); space > 0; space = phrase.indexOf(' ', space + 1)) {
            starts.add(phrase.substring(0, space));
        }
    }

    private void indexWords() {
        Map<String, Integer> phrasesWith = new HashMap<>();
        for (String phrase : phrases) {
            for (String word : phrase.split(" ")) {
                phrasesWith.merge(word, 1, Integer::sum);
            }
        }
        for (String phrase : phrases) {
            String[] words = phrase.split(" ");
            if (words.length > 1) {
                String rarest = words[0];
                for (String word : words) {
                    if (phrasesWith.get(word) < phrasesWith.get(rarest)) {
                        rarest = word;
                    }
                }
                byRarestWord.computeIfAbsent(rarest, word -> new ArrayList<>()).add(words);
            }
        }
    }

    boolean isPhrase(String words) {
        return phrases.contains(words);
    }

    /** Whether a longer phrase starts with these words. */
    boolean continues(String words) {
        return starts.contains(words);
    }

    /**
     * The phrases of several words whose words all occur in the text close together, in any order: patients write
     * "lewy body dementia" for "dementia with lewy bodies", and "oxazepam could cause an overdose".
     */
    Set<String> scattered(List<String> text) {
        Map<String, List<Integer>> positions = new HashMap<>();
        int position = 0;
        for (String word : text) {
            if (!FunctionWords.contains(word)) {
                positions.computeIfAbsent(word, key -> new ArrayList<>()).add(position++);
            }
        }
        Set<String> found = new HashSet<>();
        for (var word : positions.entrySet()) {
            for (String[] words : byRarestWord.getOrDefault(word.getKey(), List.of())) {
                int reach = words.length - 1 + SLACK;
                if (word.getValue().stream().anyMatch(at -> near(words, at, reach, positions))) {
                    found.add(String.join(" ", words));
                }
            }
        }
        return found;
    }

    private static boolean near(String[] words, int at, int reach, Map<String, List<Integer>> positions) {
        for (String other : words) {
            List<Integer> where = positions.get(other);
            if (where == null || where.stream().noneMatch(position -> Math.abs(position - at) <= reach)) {
                return false;
            }
        }
        return true;
    }
}
