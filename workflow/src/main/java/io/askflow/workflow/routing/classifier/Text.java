package io.askflow.workflow.routing.classifier;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A question's text as the keyword terms see it: one form for terms in spaced scripts (a list of lightly
 * stemmed lower-case tokens) and one for scripts written without spaces, such as Chinese (the normalized
 * string, where a term matches as a substring).
 */
record Text(List<String> tokens, String flat) {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern POSSESSIVE = Pattern.compile("['’]s\\b");
    private static final Pattern APOSTROPHE = Pattern.compile("['’]");

    static Text of(String raw) {
        String flat = normalize(raw == null ? "" : raw);
        return new Text(tokenize(flat), flat);
    }

    /** Lower case, compatibility forms folded (full-width letters), accents dropped: "Estómago" is "estomago". */
    static String normalize(String raw) {
        String folded = Normalizer.normalize(raw, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        String unaccented = MARKS.matcher(Normalizer.normalize(folded, Normalizer.Form.NFD)).replaceAll("");
        String noPossessive = POSSESSIVE.matcher(unaccented).replaceAll("");
        return APOSTROPHE.matcher(noPossessive).replaceAll("");
    }

    /** Runs of letters or of digits in spaced scripts: "500mg" gives "500" and "mg". */
    private static List<String> tokenize(String flat) {
        List<String> tokens = new ArrayList<>();
        StringBuilder token = new StringBuilder();
        int kind = 0;
        for (int i = 0; i < flat.length(); ) {
            int cp = flat.codePointAt(i);
            int cpKind = Character.isDigit(cp) ? 1 : Character.isLetter(cp) && !isUnspaced(cp) ? 2 : 0;
            if (cpKind != kind && !token.isEmpty()) {
                tokens.add(stem(token.toString()));
                token.setLength(0);
            }
            if (cpKind != 0) {
                token.appendCodePoint(cp);
            }
            kind = cpKind;
            i += Character.charCount(cp);
        }
        if (!token.isEmpty()) {
            tokens.add(stem(token.toString()));
        }
        return tokens;
    }

    /** Scripts written without spaces between words; their terms match as substrings. */
    static boolean isUnspaced(int cp) {
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL
                || script == Character.UnicodeScript.THAI;
    }

    static boolean hasUnspaced(String text) {
        return text.codePoints().anyMatch(Text::isUnspaced);
    }

    /**
     * A light English suffix stripper, applied alike to terms and to questions, so that "rashes" and "rash",
     * "headaches" and "headache", "bleeding" and "bleed" meet. It need not give real words, only the same stem.
     */
    static String stem(String token) {
        if (token.length() <= 3 || !Character.isLetter(token.charAt(token.length() - 1))) {
            return token;
        }
        String s = token;
        if (s.endsWith("ies") && s.length() > 4) {
            s = s.substring(0, s.length() - 3) + "y";
        } else if (s.endsWith("es") && s.length() > 4) {
            s = s.substring(0, s.length() - 2);
        } else if (s.endsWith("s") && !s.endsWith("ss") && !s.endsWith("us") && !s.endsWith("is")) {
            s = s.substring(0, s.length() - 1);
        } else if (s.endsWith("ing") && s.length() > 5) {
            s = s.substring(0, s.length() - 3);
        } else if (s.endsWith("ed") && !s.endsWith("eed") && s.length() > 4) {
            s = s.substring(0, s.length() - 2);
        }
        return s.endsWith("e") && s.length() > 3 ? s.substring(0, s.length() - 1) : s;
    }
}
