package io.askflow.enrichment.ranking;

import io.askflow.enrichment.index.Fields;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.util.BytesRef;

/** The sections of one source page among a search's candidates. */
final class Page {

    /**
     * How many further matching sections add to their page's best one, and how much each adds. Bounded: many
     * sources have a section per question type, and where these are little more than the template around the focus
     * (A.D.A.M.'s have no text) their number says nothing about how well the page answers.
     */
    static final int OTHER_SECTIONS = 4;
    static final float OTHER_SECTIONS_WEIGHT = 0.06f;

    /** Equal scores in index order: the grouping map's order changes with each JVM (BytesRef hashes are seeded). */
    static final Comparator<Page> BEST_FIRST =
            Comparator.comparingDouble(Page::score).reversed().thenComparingInt(page -> page.best.doc);

    private final BytesRef key;
    /** Set by {@link Reranking}. */
    private float factor = 1;
    private ScoreDoc best;
    /** The scores of the best sections, best first: the best and up to {@link #OTHER_SECTIONS} more. */
    private final float[] top = new float[1 + OTHER_SECTIONS];

    private Page(BytesRef key) {
        this.key = key;
    }

    /** Groups candidates by page (read from doc values, in doc order as they require), best page first. */
    static List<Page> group(IndexReader reader, ScoreDoc[] top) throws IOException {
        ScoreDoc[] byDoc = top.clone();
        Arrays.sort(byDoc, Comparator.comparingInt(scoreDoc -> scoreDoc.doc));
        List<LeafReaderContext> leaves = reader.leaves();
        Map<BytesRef, Page> pages = new HashMap<>();
        SortedDocValues values = null;
        int leaf = -1;
        for (ScoreDoc scoreDoc : byDoc) {
            int at = ReaderUtil.subIndex(scoreDoc.doc, leaves);
            if (at != leaf) {
                leaf = at;
                values = DocValues.getSorted(leaves.get(at).reader(), Fields.PAGE);
            }
            if (!values.advanceExact(scoreDoc.doc - leaves.get(at).docBase)) {
                continue;
            }
            Page page = pages.computeIfAbsent(BytesRef.deepCopyOf(values.lookupOrd(values.ordValue())), Page::new);
            page.add(scoreDoc);
        }
        List<Page> ranked = new ArrayList<>(pages.values());
        ranked.sort(BEST_FIRST);
        return ranked;
    }

    private void add(ScoreDoc section) {
        if (best == null || section.score > best.score) {
            best = section;
        }
        float score = section.score;
        for (int i = 0; i < top.length && score > 0; i++) {
            if (score > top[i]) {
                float lower = top[i];
                top[i] = score;
                score = lower;
            }
        }
    }

    BytesRef key() {
        return key;
    }

    /** The page's best section. */
    ScoreDoc best() {
        return best;
    }

    /** Multiplies the page's score by {@code by}. */
    void scale(float by) {
        factor *= by;
    }

    float score() {
        float others = 0;
        for (int i = 1; i < top.length; i++) {
            others += top[i];
        }
        return factor * (top[0] + OTHER_SECTIONS_WEIGHT * others);
    }
}
