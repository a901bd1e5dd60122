package io.askflow.enrichment.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.askflow.enrichment.ranking.Hit;
import io.askflow.enrichment.ranking.PageRanking;
import io.askflow.enrichment.ranking.SearchRequest;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Measures Similar Q&amp;A on judged consumer questions (MEDIQA 2019's format): over the questions with a MedQuAD
 * page judged 3 or 4, hit@1, hit@5 and MRR@10 of the pages the search returns, on two halves (alternate questions
 * in file order). Only the judgements are read besides the question text, which goes through the service's own
 * search unchanged.
 * <p>
 * The judges saw only the pages one system (CHiQA) retrieved, so a page they never saw counts as a miss however
 * good it is. Two more figures say how much that weighs: hit@1 with a 95 % interval (a half has fewer than 40
 * questions, and one question moves hit@1 by 0.026), and judged-only hit@1, over the ranking with the unjudged
 * pages left out (a condensed list, the usual reading of incomplete judgements). Changes are chosen on hit@1 itself.
 */
class SimilarEvaluation {

    static final int RANKS = 10;
    static final int GOOD_SCORE = 3;
    /** z for a two-sided 95 % interval. */
    private static final double Z_95 = 1.959964;

    private final PageRanking ranking;
    private final ObjectMapper json;

    SimilarEvaluation(PageRanking ranking, ObjectMapper json) {
        this.ranking = ranking;
        this.json = json;
    }

    /** A question and how the judges scored the MedQuAD pages they saw (page → best score, 1 to 4). */
    record Judged(String id, String question, Map<String, Integer> judgements) {

        boolean good(String page) {
            return judgements.getOrDefault(page, 0) >= GOOD_SCORE;
        }

        boolean judged(String page) {
            return judgements.containsKey(page);
        }

        boolean hasGoodPage() {
            return judgements.values().stream().anyMatch(score -> score >= GOOD_SCORE);
        }

        Set<String> goodPages() {
            return judgements.keySet().stream().filter(this::good).collect(Collectors.toCollection(TreeSet::new));
        }
    }

    /** The pages the search returned for a question, best first. */
    record Ranking(Judged question, List<String> pages) {

        /** 1-based rank of the first good page, 0 if none is among the pages. */
        int firstGood() {
            for (int rank = 0; rank < pages.size(); rank++) {
                if (question.good(pages.get(rank))) {
                    return rank + 1;
                }
            }
            return 0;
        }

        /** Whether the first page the judges saw is a good one. */
        boolean judgedFirstIsGood() {
            return pages.stream().filter(question::judged).findFirst().map(question::good).orElse(false);
        }
    }

    /** Figures over a set of questions; the interval is Wilson's, for hit@1. */
    record Figures(int questions, double hitAt1, double hitAt1Low, double hitAt1High, double hitAt5, double mrrAt10,
                   double judgedOnlyHitAt1) {

        static Figures of(List<Ranking> rankings) {
            int hit1 = 0;
            int hit5 = 0;
            int judgedHit1 = 0;
            double reciprocal = 0;
            for (Ranking ranking : rankings) {
                int rank = ranking.firstGood();
                hit1 += rank == 1 ? 1 : 0;
                hit5 += rank >= 1 && rank <= 5 ? 1 : 0;
                reciprocal += rank >= 1 && rank <= RANKS ? 1.0 / rank : 0;
                judgedHit1 += ranking.judgedFirstIsGood() ? 1 : 0;
            }
            int n = rankings.size();
            if (n == 0) {
                return new Figures(0, 0, 0, 0, 0, 0, 0);
            }
            double p = (double) hit1 / n;
            double z2 = Z_95 * Z_95;
            double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
            double half = Z_95 * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / (1 + z2 / n);
            return new Figures(n, p, centre - half, centre + half, (double) hit5 / n, reciprocal / n,
                    (double) judgedHit1 / n);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "questions %3d   hit@1 %.3f (95%% %.2f-%.2f)   hit@5 %.3f   MRR@10 %.3f"
                    + "   judged-only hit@1 %.3f", questions, hitAt1, hitAt1Low, hitAt1High, hitAt5, mrrAt10,
                    judgedOnlyHitAt1);
        }
    }

    void run(Path questions, PrintStream out) {
        run(questions, out, false);
    }

    /** With {@code verbose}, prints each question of the first half with its rank and the top pages. */
    void run(Path questions, PrintStream out, boolean verbose) {
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
        if (nanos.length == 0) {
            return "single-client search latency: no questions";
        }
        return String.format(Locale.ROOT, "single-client search latency: p50 %.1f ms, p99 %.1f ms, max %.1f ms",
                nanos[nanos.length / 2] / 1e6, nanos[(int) Math.ceil(nanos.length * 0.99) - 1] / 1e6,
                nanos[nanos.length - 1] / 1e6);
    }

    Figures measure(List<Judged> questions) {
        return Figures.of(questions.stream().map(this::rank).toList());
    }

    private Ranking rank(Judged question) {
        return ranking(question, search(question));
    }

    private static Ranking ranking(Judged question, List<Hit> hits) {
        return new Ranking(question, hits.stream().map(Hit::page).toList());
    }

    private void explain(Judged question, PrintStream out) {
        List<Hit> hits = search(question);
        int rank = ranking(question, hits).firstGood();
        out.printf(Locale.ROOT, "%s rank %s good %s top %s%n", question.id(), rank > 0 ? rank : "-",
                question.goodPages(), hits.stream().limit(3)
                .map(hit -> hit.page() + " " + String.format(Locale.ROOT, "%.1f", hit.score()) + " "
                        + (question.judged(hit.page()) ? "(judged " + question.judgements().get(hit.page()) + ") "
                        : "(not judged) ") + hit.title())
                .toList());
    }

    private List<Hit> search(Judged question) {
        return ranking.search(SearchRequest.knowledge(question.question(), RANKS));
    }

    /** The questions with at least one good MedQuAD page; a page judged twice keeps its best score. */
    List<Judged> read(Path file) {
        List<Judged> judged = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file)) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node = json.readTree(line);
                Map<String, Integer> judgements = new HashMap<>();
                node.path("answers").forEach(answer -> answer.path("medquadDocIds").forEach(page ->
                        judgements.merge(page.asText(), answer.path("referenceScore").asInt(), Math::max)));
                Judged question = new Judged(node.path("id").asText(), node.path("question").asText(),
                        Map.copyOf(judgements));
                if (question.hasGoodPage()) {
                    judged.add(question);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return judged;
    }
}
