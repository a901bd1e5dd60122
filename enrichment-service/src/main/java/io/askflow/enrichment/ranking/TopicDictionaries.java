package io.askflow.enrichment.ranking;

import io.askflow.enrichment.index.Fields;
import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;

/**
 * The topic dictionary of the reader searches use. Only knowledge records carry focus phrases, so it is built again
 * only when the segments holding them change (an import, a merge of theirs): the segment an answered question adds
 * after each reply reuses the dictionary instead of reading all of MedQuAD's phrases again.
 */
final class TopicDictionaries {

    private volatile Built latest;

    TopicDictionary of(IndexReader reader) throws IOException {
        IndexReader.CacheKey key = reader.getReaderCacheHelper().getKey();
        Built current = latest;
        if (current != null && current.reader() == key) {
            return current.dictionary();
        }
        synchronized (this) {
            current = latest;
            if (current == null || current.reader() != key) {
                Set<Object> holding = segmentsWithTopics(reader);
                current = current != null && current.segments().equals(holding)
                        ? new Built(key, holding, current.dictionary())
                        : new Built(key, holding, TopicDictionary.of(reader));
                latest = current;
            }
        }
        return current.dictionary();
    }

    /** The segments that hold focus phrases, by their core key: a segment's terms never change under one key. */
    private static Set<Object> segmentsWithTopics(IndexReader reader) throws IOException {
        Set<Object> holding = new HashSet<>();
        for (LeafReaderContext leaf : reader.leaves()) {
            if (leaf.reader().terms(Fields.FOCUS_KEY) != null) {
                IndexReader.CacheHelper core = leaf.reader().getCoreCacheHelper();
                holding.add(core != null ? core.getKey() : leaf.reader());
            }
        }
        return holding;
    }

    private record Built(IndexReader.CacheKey reader, Set<Object> segments, TopicDictionary dictionary) {
    }
}
