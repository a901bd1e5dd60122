package io.askflow.enrichment.ranking;

import io.askflow.enrichment.index.Fields;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;

/**
 * For one query: in how many documents a term stands in the most of the searched fields (section question, answer,
 * focus). Each term is looked up once, whether spelling correction or term weighting asks first.
 */
final class DocumentFrequencies {

    private final IndexReader reader;
    private final Map<String, Integer> looked = new HashMap<>();

    DocumentFrequencies(IndexReader reader) {
        this.reader = reader;
    }

    /** 0: the index does not know the term. */
    int of(String term) throws IOException {
        Integer known = looked.get(term);
        if (known == null) {
            known = Math.max(reader.docFreq(new Term(Fields.QUESTION, term)),
                    Math.max(reader.docFreq(new Term(Fields.ANSWER, term)),
                            reader.docFreq(new Term(Fields.FOCUS, term))));
            looked.put(term, known);
        }
        return known;
    }
}
