package io.askflow.enrichment.ranking;

import io.askflow.enrichment.index.Fields;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

/**
 * How much of a question's informative terms each of a few pages covers, over all its sections (their questions,
 * which name the focus, synonyms and answers): the share of the terms' weight that the page mentions somewhere. A
 * reader judges a page as a whole, while the search scores its sections one by one.
 */
final class PageCoverage {

    private static final String[] FIELDS = {Fields.QUESTION, Fields.SYNONYMS, Fields.ANSWER};
    private static final BytesRef ANSWERED = new BytesRef("true");

    /**
     * The coverage of each page, 0 to 1. A page none of whose sections has an answer (its text was kept out for
     * copyright, not missing for want of content) gets the mean coverage of the answered pages, neither more nor less.
     */
    static float[] of(IndexReader reader, List<BytesRef> pages, Map<String, Double> weights) throws IOException {
        List<String> names = new ArrayList<>(weights.keySet());
        List<BytesRef> terms = names.stream().map(BytesRef::new).toList();
        boolean[][] covered = new boolean[pages.size()][terms.size()];
        boolean[] answered = new boolean[pages.size()];
        for (LeafReaderContext leaf : reader.leaves()) {
            int[][] docs = docs(leaf.reader(), pages);
            if (docs.length == 0) {
                continue;
            }
            markAnswered(leaf.reader(), docs, answered);
            for (String field : FIELDS) {
                Terms fieldTerms = leaf.reader().terms(field);
                if (fieldTerms == null) {
                    continue;
                }
                // one enumeration per field and leaf, and one postings object, reused for every term
                TermsEnum each = fieldTerms.iterator();
                PostingsEnum postings = null;
                for (int t = 0; t < terms.size(); t++) {
                    if (!each.seekExact(terms.get(t))) {
                        continue;
                    }
                    postings = each.postings(postings, PostingsEnum.NONE);
                    int term = t;
                    pagesIn(postings, docs, p -> covered[p][term] = true);
                }
            }
        }
        double total = weights.values().stream().mapToDouble(Double::doubleValue).sum();
        float[] coverage = new float[pages.size()];
        double answeredSum = 0;
        int answeredPages = 0;
        for (int p = 0; p < pages.size(); p++) {
            double sum = 0;
            for (int t = 0; t < terms.size(); t++) {
                sum += covered[p][t] ? weights.get(names.get(t)) : 0;
            }
            coverage[p] = total == 0 ? 0 : (float) (sum / total);
            if (answered[p]) {
                answeredSum += coverage[p];
                answeredPages++;
            }
        }
        for (int p = 0; p < pages.size(); p++) {
            if (!answered[p]) {
                coverage[p] = answeredPages == 0 ? 0 : (float) (answeredSum / answeredPages);
            }
        }
        return coverage;
    }

    /** Tells {@code page} the page index of each of the documents (in doc order) that the postings hold. */
    private static void pagesIn(PostingsEnum postings, int[][] docs, IntConsumer page) throws IOException {
        for (int[] doc : docs) {
            int at = postings.docID() < doc[0] ? postings.advance(doc[0]) : postings.docID();
            if (at == DocIdSetIterator.NO_MORE_DOCS) {
                return;
            }
            if (at == doc[0]) {
                page.accept(doc[1]);
            }
        }
    }

    /** The live documents of the pages in this leaf as (doc, page index), in doc order. */
    private static int[][] docs(LeafReader leaf, List<BytesRef> pages) throws IOException {
        Terms pageTerms = leaf.terms(Fields.PAGE);
        if (pageTerms == null) {
            return new int[0][];
        }
        List<int[]> docs = new ArrayList<>();
        Bits live = leaf.getLiveDocs();
        TermsEnum each = pageTerms.iterator();
        for (int p = 0; p < pages.size(); p++) {
            if (!each.seekExact(pages.get(p))) {
                continue;
            }
            PostingsEnum postings = each.postings(null, PostingsEnum.NONE);
            for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
                if (live == null || live.get(doc)) {
                    docs.add(new int[] {doc, p});
                }
            }
        }
        int[][] sorted = docs.toArray(new int[0][]);
        Arrays.sort(sorted, (a, b) -> Integer.compare(a[0], b[0]));
        return sorted;
    }

    private static void markAnswered(LeafReader leaf, int[][] docs, boolean[] answered) throws IOException {
        PostingsEnum postings = postings(leaf, Fields.HAS_ANSWER, ANSWERED);
        if (postings != null) {
            pagesIn(postings, docs, p -> answered[p] = true);
        }
    }

    private static PostingsEnum postings(LeafReader leaf, String field, BytesRef term) throws IOException {
        Terms terms = leaf.terms(field);
        if (terms == null) {
            return null;
        }
        TermsEnum each = terms.iterator();
        return each.seekExact(term) ? each.postings(null, PostingsEnum.NONE) : null;
    }

    private PageCoverage() {
    }
}
