package io.askflow.workflow.routing.classifier;

import io.askflow.events.Specialty;

import java.util.Arrays;
import java.util.List;

/**
 * One line of the keyword file: a word or phrase that points to a specialty with a weight. A phrase matches
 * its words in a row; a word ending in {@code *} matches any word it begins; a term in a script written
 * without spaces (Chinese) matches anywhere in the text.
 */
record Term(Specialty specialty, String source, List<String> words, String unspaced, double weight) {

    static Term parse(Specialty specialty, String source, double weight) {
        if (Text.hasUnspaced(source)) {
            return new Term(specialty, source, List.of(), Text.normalize(source).replaceAll("\\s+", ""), weight);
        }
        List<String> words = Arrays.stream(Text.normalize(source).split("\\s+"))
                .filter(w -> !w.isEmpty())
                .map(w -> w.endsWith("*") ? prefixOf(w) : stemmedWord(w, source))
                .toList();
        if (words.isEmpty()) {
            throw new IllegalArgumentException("no words in term '" + source + "'");
        }
        return new Term(specialty, source, words, null, weight);
    }

    private static String prefixOf(String word) {
        String prefix = word.substring(0, word.length() - 1);
        if (prefix.length() < 3 || !prefix.chars().allMatch(Character::isLetterOrDigit)) {
            throw new IllegalArgumentException("a prefix needs 3 or more letters: '" + word + "'");
        }
        return word;
    }

    private static String stemmedWord(String word, String source) {
        List<String> tokens = Text.of(word).tokens();
        if (tokens.size() != 1) {
            // "covid-19" or "500mg" would silently become two words; the file says them with a space instead
            throw new IllegalArgumentException("write '" + word + "' of '" + source + "' as separate words");
        }
        return tokens.get(0);
    }

    boolean occursIn(Text text) {
        if (unspaced != null) {
            return text.flat().contains(unspaced);
        }
        List<String> tokens = text.tokens();
        for (int start = 0; start + words.size() <= tokens.size(); start++) {
            if (matchesAt(tokens, start)) {
                return true;
            }
        }
        return false;
    }

    private boolean matchesAt(List<String> tokens, int start) {
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            String token = tokens.get(start + i);
            boolean match = word.endsWith("*")
                    ? token.startsWith(word.substring(0, word.length() - 1))
                    : token.equals(word);
            if (!match) {
                return false;
            }
        }
        return true;
    }
}
