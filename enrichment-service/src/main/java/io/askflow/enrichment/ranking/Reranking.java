package io.askflow.enrichment.ranking;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.IndexReader;

/**
 * Re-ranks the best pages as a reader judges them, as wholes: a page that mentions more of the question somewhere
 * gains a little ({@link PageCoverage}), and so does one on the topic that most of the best pages' score goes to
 * ({@link TopicAgreement}).
 */
final class Reranking {

    /** How many of the best pages are re-ranked. */
    static final int RERANKED_PAGES = 10;
    /** A page covering all the question's terms scores × (1 + this), one covering none × 1. */
    static final float COVERAGE_WEIGHT = 0.3f;
    /** A page on the agreed topic scores × (1 + this × the topic's share of the pages' score). */
    static final float AGREEMENT_WEIGHT = 0.3f;

    private Reranking() {
    }

    /** Re-orders the first {@link #RERANKED_PAGES} of {@code pages}, best first. */
    static void rerank(IndexReader reader, List<Page> pages, Map<String, Double> weights) throws IOException {
        List<Page> best = pages.subList(0, Math.min(RERANKED_PAGES, pages.size()));
        if (best.size() < 2) {
            return;
        }
        float[] coverage = PageCoverage.of(reader, best.stream().map(Page::key).toList(), weights);
        int[] docs = new int[best.size()];
        float[] scores = new float[best.size()];
        for (int i = 0; i < best.size(); i++) {
            best.get(i).scale(1 + COVERAGE_WEIGHT * coverage[i]);
            docs[i] = best.get(i).best().doc;
            scores[i] = best.get(i).score();
        }
        float[] share = TopicAgreement.of(reader, docs, scores);
        for (int i = 0; i < best.size(); i++) {
            best.get(i).scale(1 + AGREEMENT_WEIGHT * share[i]);
        }
        best.sort(Page.BEST_FIRST);
    }
}
