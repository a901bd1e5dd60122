package io.askflow.workflow.routing.classifier;

import io.askflow.events.Specialty;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the keyword file. Its shape, meant to be edited by a clinician:
 * <pre>
 * # a comment, to the end of the line
 * [Neurology]              a specialty by name, slug or constant (as Specialty.fromNameOrSlug reads it)
 * facial droop      4      a word or phrase, then its weight (a positive number)
 * neuro*            1      a word beginning
 * </pre>
 */
final class KeywordFile {

    private static final Pattern SECTION = Pattern.compile("\\[(.+)]");
    private static final Pattern ENTRY = Pattern.compile("(.+?)\\s+(\\d+(?:\\.\\d+)?)");

    private KeywordFile() {
    }

    static List<Term> read(Reader reader, String source) {
        List<Term> terms = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Specialty section = null;
        int lineNumber = 0;
        try (BufferedReader lines = new BufferedReader(reader)) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                lineNumber++;
                int hash = line.indexOf('#');
                String content = (hash < 0 ? line : line.substring(0, hash)).strip();
                if (content.isEmpty()) {
                    continue;
                }
                Matcher header = SECTION.matcher(content);
                Matcher entry = ENTRY.matcher(content);
                if (header.matches()) {
                    section = Specialty.fromNameOrSlug(header.group(1)).orElse(null);
                    if (section == null) {
                        throw problem(source, lineNumber, "unknown specialty '" + header.group(1) + "'");
                    }
                } else if (section == null) {
                    throw problem(source, lineNumber, "a term before the first [Specialty] line");
                } else if (entry.matches()) {
                    double weight = Double.parseDouble(entry.group(2));
                    if (weight <= 0) {
                        throw problem(source, lineNumber, "the weight must be positive");
                    }
                    Term term;
                    try {
                        term = Term.parse(section, entry.group(1).strip(), weight);
                    } catch (IllegalArgumentException e) {
                        throw problem(source, lineNumber, e.getMessage());
                    }
                    // "lung" and "lungs" are one term once stemmed; listing both would count it twice
                    if (!seen.add(section + " " + term.words() + " " + term.unspaced())) {
                        throw problem(source, lineNumber, "'" + term.source() + "' repeats a term of " + section);
                    }
                    terms.add(term);
                } else {
                    throw problem(source, lineNumber, "expected 'term weight', e.g. 'facial droop 4'");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source, e);
        }
        if (terms.isEmpty()) {
            throw new IllegalArgumentException(source + " has no terms");
        }
        return List.copyOf(terms);
    }

    private static IllegalArgumentException problem(String source, int line, String message) {
        return new IllegalArgumentException(source + " line " + line + ": " + message);
    }
}
