package io.askflow.enrichment.index;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

/** The indexed version of each document, in one reader's view of the index. */
final class IndexVersions {

    /** What {@link #of} says for an id no document has. */
    static final long ABSENT = Long.MIN_VALUE;

    private final List<LeafReaderContext> leaves;

    IndexVersions(List<LeafReaderContext> leaves) {
        this.leaves = leaves;
    }

    /** {@link #ABSENT} if no document has this id. */
    long of(String id) throws IOException {
        BytesRef term = new BytesRef(id);
        for (LeafReaderContext leaf : leaves) {
            Terms terms = leaf.reader().terms(Fields.ID);
            if (terms == null) {
                continue;
            }
            TermsEnum ids = terms.iterator();
            if (!ids.seekExact(term)) {
                continue;
            }
            Bits live = leaf.reader().getLiveDocs();
            PostingsEnum docs = ids.postings(null, PostingsEnum.NONE);
            for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
                if (live == null || live.get(doc)) {
                    NumericDocValues versions = DocValues.getNumeric(leaf.reader(), Fields.VERSION);
                    // every document of this format has a version: one without is stale, not absent
                    return versions.advanceExact(doc) ? versions.longValue() : ABSENT + 1;
                }
            }
        }
        return ABSENT;
    }
}
