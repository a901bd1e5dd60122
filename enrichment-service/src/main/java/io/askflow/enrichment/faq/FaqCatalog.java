package io.askflow.enrichment.faq;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.askflow.events.ReplyEnriched.RelatedFaq;
import io.askflow.events.Specialty;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/** The team-written FAQ topics per specialty ({@code faq/catalog.json}), and which of them fit a question. */
@Component
public class FaqCatalog {

    static final String RESOURCE = "faq/catalog.json";
    static final int RELATED = 3;
    /** A word of the title counts double; one shared keyword alone is not enough to relate a topic. */
    static final int MIN_SCORE = 2;

    private final Analyzer analyzer = new EnglishAnalyzer();
    private final List<FaqTopic> topics;
    private final Map<FaqTopic, Set<String>> titleTerms;
    private final Map<FaqTopic, Set<String>> keywordTerms;

    FaqCatalog(ObjectMapper json) {
        try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
            topics = List.copyOf(json.readValue(in, new TypeReference<List<FaqTopic>>() { }));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the FAQ catalog " + RESOURCE, e);
        }
        titleTerms = topics.stream().collect(Collectors.toMap(topic -> topic, topic -> terms(topic.title())));
        keywordTerms = topics.stream().collect(Collectors.toMap(topic -> topic, topic ->
                terms(String.join(" ", topic.keywords()))));
    }

    public List<FaqTopic> of(Specialty specialty) {
        return topics.stream().filter(topic -> topic.specialty() == specialty).toList();
    }

    public Optional<FaqTopic> find(Specialty specialty, String slug) {
        return of(specialty).stream().filter(topic -> topic.slug().equals(slug)).findFirst();
    }

    /** The topics of the specialty that share the most words with the text; none if none shares enough. */
    public List<RelatedFaq> related(String text, Specialty specialty) {
        Set<String> words = terms(text);
        return of(specialty).stream()
                .map(topic -> Map.entry(topic,
                        2 * overlap(titleTerms.get(topic), words) + overlap(keywordTerms.get(topic), words)))
                .filter(entry -> entry.getValue() >= MIN_SCORE)
                .sorted(Map.Entry.<FaqTopic, Integer>comparingByValue(Comparator.reverseOrder()))
                .limit(RELATED)
                .map(entry -> new RelatedFaq(entry.getKey().title(), specialty, entry.getKey().slug()))
                .toList();
    }

    private static int overlap(Set<String> topic, Set<String> words) {
        Set<String> shared = new HashSet<>(topic);
        shared.retainAll(words);
        return shared.size();
    }

    private Set<String> terms(String text) {
        Set<String> terms = new HashSet<>();
        try (TokenStream stream = analyzer.tokenStream("text", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return terms;
    }
}
