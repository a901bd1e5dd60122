package io.askflow.enrichment.ranking;

import io.askflow.enrichment.index.Fields;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedSetDocValues;

/**
 * The topic the best pages agree on: the focus or synonym ({@link Fields#FOCUS_KEY}) whose pages hold the largest
 * share of the pages' score. A question that mentions several conditions matches pages on each of them; the one
 * most of the score goes to is most likely what it is about.
 */
final class TopicAgreement {

    /**
     * For each page (given by a document of it and its score), the share of all the pages' score that the agreed
     * topic holds if the page is on it, else 0.
     */
    static float[] of(IndexReader reader, int[] docs, float[] scores) throws IOException {
        List<Set<String>> keys = new ArrayList<>(docs.length);
        Map<String, Double> mass = new HashMap<>();
        double total = 0;
        List<LeafReaderContext> leaves = reader.leaves();
        for (int i = 0; i < docs.length; i++) {
            LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(docs[i], leaves));
            SortedSetDocValues values = DocValues.getSortedSet(leaf.reader(), Fields.FOCUS_KEY);
            Set<String> page = new HashSet<>();
            if (values.advanceExact(docs[i] - leaf.docBase)) {
                for (int n = 0; n < values.docValueCount(); n++) {
                    page.add(values.lookupOrd(values.nextOrd()).utf8ToString());
                }
            }
            keys.add(page);
            for (String key : page) {
                mass.merge(key, (double) scores[i], Double::sum);
            }
            total += scores[i];
        }
        String agreed = null;
        double most = 0;
        for (var entry : mass.entrySet()) {
            if (entry.getValue() > most || entry.getValue() == most && agreed != null
                    && entry.getKey().compareTo(agreed) < 0) {
                agreed = entry.getKey();
                most = entry.getValue();
            }
        }
        float[] share = new float[docs.length];
        for (int i = 0; i < docs.length && agreed != null && total > 0; i++) {
            share[i] = keys.get(i).contains(agreed) ? (float) (most / total) : 0;
        }
        return share;
    }

    private TopicAgreement() {
    }
}
