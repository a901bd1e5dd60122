package io.askflow.enrichment.ranking;

import io.askflow.enrichment.index.Fields;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

/**
 * Every focus and synonym phrase of one index reader ({@link Fields#FOCUS_KEY}), in memory. Finding the topic of a
 * long question looks up every run of up to six words; in memory, and stopping a run as soon as no phrase starts
 * with it, that costs microseconds instead of thousands of term-dictionary seeks. Phrases of several words are also
 * kept by their rarest word, to find them in another order, and each phrase with the other phrases of the records
 * that have it: the other names of its topic.
 */
final class TopicDictionary {

    /** How many other words (function words aside) may stand between the words of a phrase found in another order. */
    static final int SLACK = 1;
    /**
     * A phrase that records name together with more phrases than this names a family of topics
     * ("charcot-marie-tooth disease" has about 200 types and their synonyms), not one topic with other names.
     */
    static final int MAX_OTHER_NAMES = 10;

    private final Set<String> phrases = new HashSet<>();
    /** Every run of words that some longer phrase starts with. */
    private final Set<String> starts = new HashSet<>();
    /** Phrases of several words, as words, by their rarest word: finding them in any order reads few of them. */
    private final Map<String, List<String[]>> byRarestWord = new HashMap<>();
    /** The phrases of the records that have a phrase (the phrase among them): its topic's names, record by record. */
    private final Map<String, List<String[]>> names = new HashMap<>();

    /** Read from the doc values, segment by segment: they give both the phrases and which ones records share. */
    static TopicDictionary of(IndexReader reader) throws IOException {
        TopicDictionary dictionary = new TopicDictionary();
        for (LeafReaderContext leaf : reader.leaves()) {
            LeafReader segment = leaf.reader();
            String[] phrases = dictionary.addPhrases(DocValues.getSortedSet(segment, Fields.FOCUS_KEY).termsEnum());
            dictionary.addNames(DocValues.getSortedSet(segment, Fields.FOCUS_KEY), segment.getLiveDocs(), phrases);
        }
        dictionary.indexWords();
        return dictionary;
    }

    /** A segment's phrases, by ordinal: decoded once, in order (a look-up by ordinal decodes its neighbours too). */
    private String[] addPhrases(TermsEnum inOrder) throws IOException {
        List<String> decoded = new ArrayList<>();
        for (BytesRef phrase = inOrder.next(); phrase != null; phrase = inOrder.next()) {
            String text = phrase.utf8ToString();
            decoded.add(text);
            add(text);
        }
        return decoded.toArray(String[]::new);
    }

    /**
     * The phrases of each record, as each other's names. A page's sections are neighbours with the same phrases, so
     * a record with its predecessor's phrases is skipped. A deleted record (an older version of one) names nothing.
     */
    private void addNames(SortedSetDocValues values, Bits live, String[] decoded) throws IOException {
        long[] previous = new long[0];
        for (int doc = values.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = values.nextDoc()) {
            if (live != null && !live.get(doc)) {
                continue;
            }
            long[] ords = new long[values.docValueCount()];
            for (int i = 0; i < ords.length; i++) {
                ords[i] = values.nextOrd();
            }
            if (ords.length < 2 || Arrays.equals(ords, previous)) {
                continue;
            }
            previous = ords;
            String[] together = new String[ords.length];
            for (int i = 0; i < ords.length; i++) {
                together[i] = decoded[(int) ords[i]];
            }
            for (String phrase : together) {
                names.computeIfAbsent(phrase, key -> new ArrayList<>(1)).add(together);
            }
        }
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

    /**
     * The other names records give the topic of a phrase ("low blood sugar", "insulin shock" for "hypoglycemia"),
     * none for a phrase with more than {@value #MAX_OTHER_NAMES}. A name that has all the phrase's words ("type 2
     * diabetes" for "diabetes") is left out: more often a narrower topic, a type or form of it, than another name.
     */
    Set<String> otherNames(String phrase) {
        Set<String> others = new HashSet<>();
        for (String[] record : names.getOrDefault(phrase, List.of())) {
            others.addAll(Arrays.asList(record));
            if (others.size() > MAX_OTHER_NAMES + 1) {
                return Set.of();
            }
        }
        others.remove(phrase);
        List<String> words = List.of(phrase.split(" "));
        others.removeIf(other -> List.of(other.split(" ")).containsAll(words));
        return others;
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
