package io.askflow.enrichment.similar;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.askflow.enrichment.index.Hit;
import io.askflow.enrichment.index.Kind;
import io.askflow.enrichment.index.SearchIndex;
import io.askflow.enrichment.index.SearchRequest;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Measures Similar Q&amp;A on judged consumer questions (MEDIQA 2019's format): over the questions with a MedQuAD
 * page judged 3 or 4, hit@1, hit@5 and MRR@10 of the pages the search returns, on two halves (alternate questions
 * in file order). Only the judgements are read besides the question text, which goes through the service's own
 * search unchanged.
 */
@Component
public class SimilarEvaluation {

    static final int RANKS = 10;
    static final int GOOD_SCORE = 3;

    private final SearchIndex index;
    private final ObjectMapper json;

    SimilarEvaluation(SearchIndex index, ObjectMapper json) {
        this.index = index;
        this.json = json;
    }

    /** A question and the MedQuAD pages judged good answers to it. */
    record Judged(String id, String question, Set<String> goodPages) {
    }

    /** Figures over a set of questions. */
    record Figures(int questions, double hitAt1, double hitAt5, double mrrAt10) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "questions %3d   hit@1 %.3f   hit@5 %.3f   MRR@10 %.3f", questions,
                    hitAt1, hitAt5, mrrAt10);
        }
    }

    public void run(Path questions, PrintStream out) {
        run(questions, out, false);
    }

    /** With {@code verbose}, prints each question of the first half with its rank and the top pages. */
    public void run(Path questions, PrintStream out, boolean verbose) {
        List<Judged> judged = read(questions);
        List<Judged> first = new ArrayList<>();
        List<Judged> second = new ArrayList<>();
        for (int i = 0; i < judged.size(); i++) {
            (i % 2 == 0 ? first : second).add(judged.get(i));
        }
        if (verbose) {
            first.forEach(question -> explain(question, out));
        }
        out.println("half A (tuning):   " + measure(first));
        out.println("half B (held out): " + measure(second));
        out.println("all:               " + measure(judged));
        out.println(latency(judged));
    }

    /** Single-client search latency over the questions, after the runs above warmed the JVM up. */
    private String latency(List<Judged> questions) {
        long[] nanos = questions.stream().mapToLong(question -> {
            long started = System.nanoTime();
            search(question);
            return System.nanoTime() - started;
        }).sorted().toArray();
        return String.format(Locale.ROOT, "single-client search latency: p50 %.1f ms, p99 %.1f ms, max %.1f ms",
                nanos[nanos.length / 2] / 1e6, nanos[(int) Math.ceil(nanos.length * 0.99) - 1] / 1e6,
                nanos[nanos.length - 1] / 1e6);
    }

    Figures measure(List<Judged> questions) {
        int hit1 = 0;
        int hit5 = 0;
        double reciprocal = 0;
        for (Judged question : questions) {
            List<Hit> hits = search(question);
            for (int rank = 0; rank < hits.size(); rank++) {
                if (question.goodPages().contains(hits.get(rank).page())) {
                    hit1 += rank == 0 ? 1 : 0;
                    hit5 += rank < 5 ? 1 : 0;
                    reciprocal += 1.0 / (rank + 1);
                    break;
                }
            }
        }
        int n = Math.max(1, questions.size());
        return new Figures(questions.size(), (double) hit1 / n, (double) hit5 / n, reciprocal / n);
    }

    private void explain(Judged question, PrintStream out) {
        List<Hit> hits = search(question);
        int rank = 0;
        while (rank < hits.size() && !question.goodPages().contains(hits.get(rank).page())) {
            rank++;
        }
        out.printf(Locale.ROOT, "%s rank %s good %s top %s%n", question.id(), rank < hits.size() ? rank + 1 : "-",
                question.goodPages(), hits.stream().limit(3)
                .map(hit -> hit.page() + " " + String.format(Locale.ROOT, "%.1f", hit.score()) + " " + hit.title())
                .toList());
    }

    private List<Hit> search(Judged question) {
        return index.search(new SearchRequest(question.question(), "", null, Set.of(Kind.KNOWLEDGE), null, false,
                RANKS, SearchRequest.SNIPPET_CHARS));
    }

    private List<Judged> read(Path file) {
        List<Judged> judged = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file)) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node = json.readTree(line);
                Set<String> good = new HashSet<>();
                node.path("answers").forEach(answer -> {
                    if (answer.path("referenceScore").asInt() >= GOOD_SCORE) {
                        answer.path("medquadDocIds").forEach(id -> good.add(id.asText()));
                    }
                });
                if (!good.isEmpty()) {
                    judged.add(new Judged(node.path("id").asText(), node.path("question").asText(), good));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return judged;
    }
}
