package io.askflow.enrichment.ranking;

import io.askflow.enrichment.index.Fields;
import io.askflow.enrichment.index.Kind;
import java.io.IOException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Turns a consumer's question (long, misspelled, several questions in one) into a Lucene query, built from
 * analyzed terms only, so nothing a patient types is ever read as query syntax:
 * <ul>
 *   <li>misspelled words (unknown to the index) first corrected to the closest word it knows ({@link Spelling});</li>
 *   <li>the most informative terms (by inverse document frequency), weighted per field, function words aside
 *   ({@link FunctionWords});</li>
 *   <li>the topic: every run of up to {@value #MAX_PHRASE} words that is exactly a record's focus or synonym, and,
 *   for less, a focus or synonym whose words stand close together in another order, and, for less again, the
 *   other names records give the topics found;</li>
 *   <li>the kind of question (treatment, causes, symptoms …, {@link QuestionTypes}) for pages on the topic, and the
 *   specialty, as small boosts.</li>
 * </ul>
 */
final class ConsumerQuery {

    static final int MAX_TERMS = 24;
    static final int MAX_PHRASE = 6;
    static final int MAX_SUBJECT_WORDS = 8;
    private static final java.util.regex.Pattern SUBJECT_END = java.util.regex.Pattern.compile("[.?!:\\n]\\s");

    static final float QUESTION_WEIGHT = 1.0f;
    static final float FOCUS_WEIGHT = 1.5f;
    static final float SYNONYMS_WEIGHT = 1.0f;
    static final float ANSWER_WEIGHT = 0.4f;
    static final float FIELD_TIE = 0.2f;
    static final float EMPHASIS = 2.0f;
    static final float TOPIC_WEIGHT = 6.0f;
    /** What each word of a topic phrase after its first adds, as a share of {@link #TOPIC_WEIGHT}. */
    static final float FURTHER_WORD_WEIGHT = 0.5f;
    /** A topic phrase found in another order or with other words between counts less than one found as it is. */
    static final float SCATTERED_WEIGHT = 0.75f;
    /** Another name of a topic found (its records' focus or synonyms) counts less than the name the patient wrote. */
    static final float OTHER_NAME_WEIGHT = 0.5f;
    static final float QTYPE_WEIGHT = 0.8f;
    static final float SPECIALTY_WEIGHT = 0.5f;

    /** The query, and the searched terms with how informative each is: a snippet marks them, a page covers them. */
    record Built(Query query, Map<String, Double> weights) {
        Set<String> terms() {
            return weights.keySet();
        }
    }

    private ConsumerQuery() {
    }

    static Built build(SearchRequest request, IndexReader reader, TopicDictionary topics, Analyzer analyzer)
            throws IOException {
        List<String> text = Fields.terms(analyzer, request.text());
        List<String> emphasis = Fields.terms(analyzer,
                request.emphasis().isBlank() ? subjectLine(request.text()) : request.emphasis());
        DocumentFrequencies frequencies = new DocumentFrequencies(reader);
        Map<String, String> corrections = Spelling.corrections(reader, text, frequencies);
        text = corrected(text, corrections);
        emphasis = corrected(emphasis, corrections);
        Set<String> emphasized = new HashSet<>(emphasis);

        Map<String, Integer> frequency = new HashMap<>();
        text.forEach(term -> frequency.merge(term, 1, Integer::sum));
        emphasis.forEach(term -> frequency.putIfAbsent(term, 1));

        int documents = Math.max(1, reader.numDocs());
        Map<String, Double> informative = new HashMap<>();
        for (var entry : frequency.entrySet()) {
            String term = entry.getKey();
            if (FunctionWords.contains(term)) {
                continue;
            }
            int df = frequencies.of(term);
            if (df == 0) {
                continue;
            }
            double idf = Math.log(1 + (documents - df + 0.5) / (df + 0.5));
            double weight = idf * (1 + Math.log(entry.getValue())) * (emphasized.contains(term) ? EMPHASIS : 1);
            informative.put(term, weight);
        }
        List<String> kept = informative.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()))
                .limit(MAX_TERMS).map(Map.Entry::getKey).toList();

        BooleanQuery.Builder core = new BooleanQuery.Builder();
        for (String term : kept) {
            float boost = (float) ((emphasized.contains(term) ? EMPHASIS : 1) * Math.min(2, 1 + Math.log(frequency.get(term))));
            core.add(new BoostQuery(new DisjunctionMaxQuery(List.of(
                    field(Fields.QUESTION, term, QUESTION_WEIGHT), field(Fields.FOCUS, term, FOCUS_WEIGHT),
                    field(Fields.SYNONYMS, term, SYNONYMS_WEIGHT), field(Fields.ANSWER, term, ANSWER_WEIGHT)),
                    FIELD_TIE), boost), Occur.SHOULD);
        }
        Query topic = topic(text, emphasis, emphasized, topics);
        if (topic != null) {
            core.add(topic, Occur.SHOULD);
        }
        BooleanQuery coreQuery = core.build();
        if (coreQuery.clauses().isEmpty()) {
            return new Built(new MatchNoDocsQuery("no searchable words"), Map.of());
        }

        BooleanQuery.Builder query = new BooleanQuery.Builder().add(coreQuery, Occur.MUST);
        if (topic != null) {
            // the kind of question picks the section of a page on the topic, it does not pick the topic
            QuestionTypes.of(text).forEach(qtype -> query.add(new BoostQuery(new ConstantScoreQuery(
                    new BooleanQuery.Builder()
                            .add(new TermQuery(new Term(Fields.QTYPE, qtype)), Occur.FILTER)
                            .add(topic, Occur.FILTER).build()), QTYPE_WEIGHT), Occur.SHOULD));
        }
        if (request.specialty() != null) {
            query.add(constant(Fields.SPECIALTY, request.specialty().name(), SPECIALTY_WEIGHT), Occur.SHOULD);
        }
        if (request.kinds().size() < Kind.values().length) {
            BooleanQuery.Builder kinds = new BooleanQuery.Builder();
            request.kinds().forEach(kind -> kinds.add(new TermQuery(new Term(Fields.KIND, kind.name())), Occur.SHOULD));
            query.add(kinds.build(), Occur.FILTER);
        }
        if (request.excludeId() != null) {
            query.add(new TermQuery(new Term(Fields.ID, request.excludeId())), Occur.MUST_NOT);
        }
        if (request.answeredOnly()) {
            query.add(new TermQuery(new Term(Fields.HAS_ANSWER, "true")), Occur.FILTER);
        }
        Map<String, Double> weights = new HashMap<>();
        kept.forEach(term -> weights.put(term, informative.get(term)));
        return new Built(query.build(), weights);
    }

    /** The terms with each misspelled word replaced by its correction. */
    private static List<String> corrected(List<String> terms, Map<String, String> corrections) {
        return corrections.isEmpty() ? terms
                : terms.stream().map(term -> corrections.getOrDefault(term, term)).toList();
    }

    /**
     * Patients often start with a short subject line ("Achalasia. After surgery …"), which names the topic better
     * than the rest; a long first sentence is no subject line.
     */
    static String subjectLine(String text) {
        java.util.regex.Matcher end = SUBJECT_END.matcher(text);
        if (!end.find() || end.start() == 0) {
            return "";
        }
        String first = text.substring(0, end.start()).strip();
        return first.split("\\s+").length <= MAX_SUBJECT_WORDS ? first : "";
    }

    /**
     * The best focus or synonym phrase a document has among the runs of words of the text, or, for less, among
     * the phrases whose words the text has close together in another order, or, for less again, among the other
     * names of those: sources name one condition differently ("hypoglycemia", "low blood sugar"), and a page
     * that names it only another way is still on the topic.
     */
    private static Query topic(List<String> text, List<String> emphasis, Set<String> emphasized,
                               TopicDictionary topics) {
        Map<String, Float> phrases = new HashMap<>();
        for (List<String> words : List.of(text, emphasis)) {
            for (int start = 0; start < words.size(); start++) {
                StringBuilder key = new StringBuilder();
                boolean allEmphasized = true;
                for (int n = 1; n <= MAX_PHRASE && start + n <= words.size(); n++) {
                    String word = words.get(start + n - 1);
                    key.append(n == 1 ? "" : " ").append(word);
                    allEmphasized &= emphasized.contains(word);
                    String phrase = key.toString();
                    if (!phrases.containsKey(phrase) && topics.isPhrase(phrase)) {
                        phrases.put(phrase, topicWeight(n, allEmphasized));
                    }
                    if (!topics.continues(phrase)) {
                        break;
                    }
                }
            }
        }
        for (String phrase : topics.scattered(text)) {
            String[] words = phrase.split(" ");
            boolean allEmphasized = emphasized.containsAll(List.of(words));
            phrases.putIfAbsent(phrase, SCATTERED_WEIGHT * topicWeight(words.length, allEmphasized));
        }
        if (phrases.isEmpty()) {
            return null;
        }
        Map<String, Float> otherNames = new HashMap<>();
        phrases.forEach((phrase, weight) -> topics.otherNames(phrase)
                .forEach(name -> otherNames.merge(name, OTHER_NAME_WEIGHT * weight, Math::max)));
        otherNames.forEach(phrases::putIfAbsent);
        List<Query> matches = phrases.entrySet().stream()
                .<Query>map(e -> constant(Fields.FOCUS_KEY, e.getKey(), e.getValue())).toList();
        return new DisjunctionMaxQuery(matches, 0f);
    }

    /**
     * A longer name is more specific, but each further word adds only half as much as the first: a phrase mentioned
     * in passing ("chest pain") must not outweigh the one-word name in the subject line ("Dehydration").
     */
    private static float topicWeight(int words, boolean emphasized) {
        return TOPIC_WEIGHT * (1 + FURTHER_WORD_WEIGHT * (words - 1)) * (emphasized ? EMPHASIS : 1);
    }

    private static Query field(String field, String term, float weight) {
        return new BoostQuery(new TermQuery(new Term(field, term)), weight);
    }

    private static Query constant(String field, String value, float weight) {
        return new BoostQuery(new ConstantScoreQuery(new TermQuery(new Term(field, value))), weight);
    }
}
