package io.askflow.enrichment.ranking;

import io.askflow.enrichment.index.Fields;
import io.askflow.enrichment.index.SearchIndex;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.springframework.stereotype.Component;

/**
 * Searches the index for text written the way patients write: the best results, one per source page. A page scores
 * as its best section plus a little for its next best matching sections ({@link Page}): a page that is about the
 * question throughout beats one with a single lucky section. The best pages are then re-ranked as wholes
 * ({@link Reranking}).
 */
@Component
public class PageRanking {

    /** Sections read before grouping by page. */
    static final int CANDIDATES = 100;

    private final SearchIndex index;
    private final Analyzer analyzer = Fields.analyzer();
    private final TopicDictionaries topics = new TopicDictionaries();
    private final Hits hits = new Hits(analyzer);

    public PageRanking(SearchIndex index) {
        this.index = index;
    }

    /** Nothing while the index is not open. */
    public List<Hit> search(SearchRequest request) {
        try {
            return index.read(searcher -> search(searcher, request)).orElse(List.of());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<Hit> search(IndexSearcher searcher, SearchRequest request) throws IOException {
        IndexReader reader = searcher.getIndexReader();
        ConsumerQuery.Built built = ConsumerQuery.build(request, reader, topics.of(reader), analyzer);
        ScoreDoc[] top = searcher.search(built.query(), CANDIDATES).scoreDocs;
        List<Page> pages = Page.group(reader, top);
        Reranking.rerank(reader, pages, built.weights());
        List<Page> best = pages.subList(0, Math.min(request.limit(), pages.size()));
        return hits.of(searcher.storedFields(), best, built.terms(), request.snippetChars());
    }

    /** The topic dictionary searches use now. */
    TopicDictionary topics() throws IOException {
        return index.read(searcher -> topics.of(searcher.getIndexReader()))
                .orElseThrow(() -> new IllegalStateException("The search index is not open"));
    }
}
