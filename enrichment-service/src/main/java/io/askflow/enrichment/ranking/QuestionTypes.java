package io.askflow.enrichment.ranking;

import io.askflow.enrichment.index.Fields;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;

/**
 * The kinds of answer a question asks for, as MedQuAD's question types, from generic cue words and phrases. The cues
 * are written as words and analyzed like the question, so that every form the stemmer makes of them matches
 * ("treatment" stays "treatment", "treated" becomes "treat").
 */
final class QuestionTypes {

    private static final Map<String, List<String>> CUES = Map.ofEntries(
            Map.entry("treatment", List.of("treat", "treatment", "cure", "therapy", "remedy", "surgery",
                    "medication", "manage", "relieve", "relief")),
            Map.entry("causes", List.of("cause", "why", "reason", "trigger")),
            Map.entry("symptoms", List.of("symptom", "sign")),
            Map.entry("prevention", List.of("prevent", "prevention", "avoid")),
            Map.entry("exams and tests", List.of("diagnose", "diagnosis", "test", "screening", "detect")),
            Map.entry("inheritance", List.of("inherit", "inheritance", "hereditary", "passed down",
                    "runs in families")),
            Map.entry("genetic changes", List.of("genetic", "gene", "mutation")),
            Map.entry("frequency", List.of("how common", "how many people", "prevalence")),
            Map.entry("outlook", List.of("prognosis", "outlook", "expect", "life expectancy", "survival", "recovery")),
            Map.entry("complications", List.of("complication")),
            Map.entry("side effects", List.of("side effect")),
            Map.entry("dose", List.of("dose", "dosage")),
            Map.entry("emergency or overdose", List.of("overdose")),
            Map.entry("susceptibility", List.of("risk", "susceptible")),
            Map.entry("research", List.of("research", "clinical trial")));

    /** A cue as analyzed terms. */
    private record Cue(List<String> terms, String qtype) {
    }

    /** Cues by their first term. */
    private static final Map<String, List<Cue>> BY_FIRST_TERM = analyzed();

    private QuestionTypes() {
    }

    /** The question types the analyzed text asks for, in the order their cues first appear. */
    static Set<String> of(List<String> text) {
        Set<String> qtypes = new LinkedHashSet<>();
        for (int at = 0; at < text.size(); at++) {
            for (Cue cue : BY_FIRST_TERM.getOrDefault(text.get(at), List.of())) {
                int end = at + cue.terms().size();
                if (end <= text.size() && text.subList(at, end).equals(cue.terms())) {
                    qtypes.add(cue.qtype());
                }
            }
        }
        return qtypes;
    }

    private static Map<String, List<Cue>> analyzed() {
        try (Analyzer analyzer = Fields.analyzer()) {
            Map<String, List<Cue>> cues = new HashMap<>();
            CUES.forEach((qtype, words) -> words.forEach(word -> {
                List<String> terms = Fields.terms(analyzer, word);
                cues.computeIfAbsent(terms.get(0), first -> new ArrayList<>()).add(new Cue(terms, qtype));
            }));
            return cues;
        }
    }
}
