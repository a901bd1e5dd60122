package io.askflow.question.ask;

import java.lang.Character.UnicodeScript;
import java.util.EnumMap;
import java.util.Map;

/**
 * A cheap guess at the language of a question from the scripts its letters are written in; good enough to
 * tell Chinese, Japanese, Korean, Arabic and the like from English, which is all routing needs for now.
 */
final class LanguageGuess {

    private static final Map<UnicodeScript, String> BY_SCRIPT = Map.of(
            UnicodeScript.HAN, "zh", UnicodeScript.HIRAGANA, "ja", UnicodeScript.KATAKANA, "ja",
            UnicodeScript.HANGUL, "ko", UnicodeScript.ARABIC, "ar", UnicodeScript.CYRILLIC, "ru",
            UnicodeScript.THAI, "th", UnicodeScript.HEBREW, "he", UnicodeScript.GREEK, "el");

    static String of(String text) {
        Map<UnicodeScript, Integer> letters = new EnumMap<>(UnicodeScript.class);
        text.codePoints().filter(Character::isLetter)
                .forEach(c -> letters.merge(UnicodeScript.of(c), 1, Integer::sum));
        // Japanese mixes kana with Han characters: any kana makes it Japanese.
        if (letters.containsKey(UnicodeScript.HIRAGANA) || letters.containsKey(UnicodeScript.KATAKANA)) {
            return "ja";
        }
        return letters.entrySet().stream()
                .max(Map.Entry.comparingByValue())
                .map(top -> BY_SCRIPT.getOrDefault(top.getKey(), "en"))
                .orElse("en");
    }

    private LanguageGuess() {
    }
}
