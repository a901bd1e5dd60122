package io.askflow.enrichment.index;

import io.askflow.enrichment.AnsweredQuestion;
import io.askflow.enrichment.knowledge.KnowledgeRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * This instance's Lucene index of knowledge records and consented answered questions. One writer per
 * instance; searches run on near-real-time readers that are refreshed after every change.
 */
@Component
public class SearchIndex implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SearchIndex.class);
    static final String FORMAT_KEY = "format";
    static final String SYNCED_UP_TO_KEY = "syncedUpTo";
    /** Sections read before grouping by page. */
    static final int CANDIDATES = 100;
    /**
     * How many further matching sections add to their page's best one, and how much each adds. Bounded: many
     * sources have a section per question type, and where these are little more than the template around the focus
     * (A.D.A.M.'s have no text) their number says nothing about how well the page answers.
     */
    static final int OTHER_SECTIONS = 4;
    static final float OTHER_SECTIONS_WEIGHT = 0.06f;

    /**
     * How many of the best pages are re-ranked as wholes: by how much of the question each covers
     * ({@link PageCoverage}), then by whether it is on the topic most of them agree on ({@link TopicAgreement}).
     */
    static final int RERANKED_PAGES = 10;
    /** A page covering all the question's terms scores × (1 + this), one covering none × 1. */
    static final float COVERAGE_WEIGHT = 0.3f;
    /** A page on the agreed topic scores × (1 + this × the topic's share of the pages' score). */
    static final float AGREEMENT_WEIGHT = 0.3f;

    private final IndexProperties properties;
    private final Analyzer analyzer = Fields.analyzer();
    private final IndexDocuments documents = new IndexDocuments(analyzer);
    private final Snippets snippets = new Snippets(analyzer);
    private Directory directory;
    private IndexWriter writer;
    private SearcherManager searchers;
    private volatile Topics topics;

    SearchIndex(IndexProperties properties) {
        this.properties = properties;
    }

    /**
     * Opens the index folder (creating it if missing) and returns what its last commit recorded, empty for a new
     * index. Fails if another process holds the folder.
     */
    synchronized Map<String, String> open() throws IOException {
        if (writer != null) {
            return commitData();
        }
        Files.createDirectories(properties.dir());
        directory = FSDirectory.open(properties.dir());
        Map<String, String> committed = DirectoryReader.indexExists(directory)
                ? SegmentInfos.readLatestCommit(directory).getUserData() : Map.of();
        writer = new IndexWriter(directory, new IndexWriterConfig(analyzer).setSimilarity(Fields.similarity())
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND).setRAMBufferSizeMB(64));
        searchers = new SearcherManager(writer, new SearcherFactory() {
            @Override
            public IndexSearcher newSearcher(IndexReader reader, IndexReader previousReader) {
                IndexSearcher searcher = new IndexSearcher(reader);
                searcher.setSimilarity(Fields.similarity());
                return searcher;
            }
        });
        log.info("Search index at {} ({} documents)", properties.dir().toAbsolutePath(), writer.getDocStats().numDocs);
        return committed;
    }

    synchronized boolean isOpen() {
        return writer != null;
    }

    private Map<String, String> commitData() {
        Map<String, String> data = new HashMap<>();
        Iterable<Map.Entry<String, String>> live = writer.getLiveCommitData();
        if (live != null) {
            live.forEach(entry -> data.put(entry.getKey(), entry.getValue()));
        }
        return data;
    }

    void deleteAll() throws IOException {
        writer().deleteAll();
    }

    void put(KnowledgeRecord record, long version) throws IOException {
        writer().updateDocument(new Term(Fields.ID, record.id()), documents.knowledge(record, version));
    }

    /** Indexes a searchable question, removes one that is not (any more). */
    void put(AnsweredQuestion question, long version) throws IOException {
        Term id = new Term(Fields.ID, question.questionId().toString());
        if (question.consentToPublish()) {
            writer().updateDocument(id, documents.question(question, version));
        } else {
            writer().deleteDocuments(id);
        }
    }

    /** The indexed version of each document. */
    interface Versions {
        /** {@link #ABSENT} if no document has this id. */
        long of(String id) throws IOException;
    }

    static final long ABSENT = Long.MIN_VALUE;

    /**
     * Runs {@code work} with the versions as they are now, including changes not committed yet. The view does not
     * change while {@code work} runs.
     */
    void withVersions(IndexWork<Versions> work) throws IOException {
        searchers.maybeRefreshBlocking();
        IndexSearcher searcher = searchers.acquire();
        try {
            List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
            work.run(id -> version(leaves, new BytesRef(id)));
        } finally {
            searchers.release(searcher);
        }
    }

    /** Work on the index that may fail with an {@link IOException}. */
    interface IndexWork<T> {
        void run(T input) throws IOException;
    }

    private static long version(List<LeafReaderContext> leaves, BytesRef id) throws IOException {
        for (LeafReaderContext leaf : leaves) {
            Terms terms = leaf.reader().terms(Fields.ID);
            if (terms == null) {
                continue;
            }
            TermsEnum term = terms.iterator();
            if (!term.seekExact(id)) {
                continue;
            }
            Bits live = leaf.reader().getLiveDocs();
            PostingsEnum docs = term.postings(null, PostingsEnum.NONE);
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

    /**
     * Makes the changes visible to every search that starts after this returns, without making them durable: the
     * schema is the source of truth, and a restart indexes again what changed after the last {@link #commit}.
     */
    void refresh() throws IOException {
        searchers.maybeRefreshBlocking();
    }

    boolean hasUncommittedChanges() {
        return writer().hasUncommittedChanges();
    }

    /** Makes the changes durable with this marker and visible to searches. */
    void commit(Map<String, String> marker) throws IOException {
        Map<String, String> data = new HashMap<>(marker);
        data.put(FORMAT_KEY, Fields.FORMAT);
        writer().setLiveCommitData(data.entrySet());
        writer().commit();
        // blocking: a refresh already under way may have opened its reader before this commit, and a removal
        // (withdrawn consent) must be invisible to every search that starts after this returns
        searchers.maybeRefreshBlocking();
    }

    long count(Kind kind) throws IOException {
        IndexSearcher searcher = searchers.acquire();
        try {
            return searcher.count(new TermQuery(new Term(Fields.KIND, kind.name())));
        } finally {
            searchers.release(searcher);
        }
    }

    /**
     * The best results, one per source page, best first. A page scores as its best section plus a little for its
     * next best matching sections: a page that is about the question throughout beats one with a single lucky
     * section. The best pages are then re-ranked as wholes ({@link #rerank}).
     */
    public List<Hit> search(SearchRequest request) {
        if (!isOpen()) {
            return List.of();
        }
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                ConsumerQuery.Built built = ConsumerQuery.build(request, searcher.getIndexReader(),
                        topics(searcher.getIndexReader()), analyzer);
                ScoreDoc[] top = searcher.search(built.query(), CANDIDATES).scoreDocs;
                List<Page> pages = pages(searcher.getIndexReader(), top);
                rerank(searcher.getIndexReader(), pages, built.weights());
                List<Page> best = pages.subList(0, Math.min(request.limit(), pages.size()));
                // stored fields are read block by block: in doc order, neighbours share a decompressed block
                int[] docs = best.stream().mapToInt(page -> page.best.doc).sorted().toArray();
                StoredFields stored = searcher.storedFields();
                Map<Integer, Document> loaded = new HashMap<>();
                for (int doc : docs) {
                    loaded.put(doc, stored.document(doc));
                }
                List<Hit> hits = new ArrayList<>(best.size());
                for (Page page : best) {
                    hits.add(hit(loaded.get(page.best.doc), page.score(), built.terms(), request.snippetChars()));
                }
                return hits;
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The topic dictionary searches use now. */
    TopicDictionary topics() throws IOException {
        IndexSearcher searcher = searchers.acquire();
        try {
            return topics(searcher.getIndexReader());
        } finally {
            searchers.release(searcher);
        }
    }

    /**
     * The topic dictionary of this reader. Only knowledge records carry focus phrases, so it is built again only
     * when the segments holding them change (an import, a merge of theirs): the segment an answered question adds
     * after each reply reuses the dictionary instead of reading all of MedQuAD's phrases again.
     */
    private TopicDictionary topics(IndexReader reader) throws IOException {
        IndexReader.CacheKey key = reader.getReaderCacheHelper().getKey();
        Topics current = topics;
        if (current != null && current.reader() == key) {
            return current.dictionary();
        }
        synchronized (this) {
            current = topics;
            if (current == null || current.reader() != key) {
                Set<Object> holding = segmentsWithTopics(reader);
                current = current != null && current.segments().equals(holding)
                        ? new Topics(key, holding, current.dictionary())
                        : new Topics(key, holding, TopicDictionary.of(reader));
                topics = current;
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

    private record Topics(IndexReader.CacheKey reader, Set<Object> segments, TopicDictionary dictionary) {
    }

    /** Equal scores in index order: the grouping map's order changes with each JVM (BytesRef hashes are seeded). */
    private static final Comparator<Page> BEST_FIRST =
            Comparator.comparingDouble(Page::score).reversed().thenComparingInt(page -> page.best.doc);

    /**
     * Re-ranks the best pages as a reader judges them, as wholes: a page that mentions more of the question somewhere
     * gains a little, and so does one on the topic that most of the best pages' score goes to.
     */
    private static void rerank(IndexReader reader, List<Page> pages, Map<String, Double> weights)
            throws IOException {
        List<Page> best = pages.subList(0, Math.min(RERANKED_PAGES, pages.size()));
        if (best.size() < 2) {
            return;
        }
        float[] coverage = PageCoverage.of(reader, best.stream().map(page -> page.key).toList(), weights);
        int[] docs = new int[best.size()];
        float[] scores = new float[best.size()];
        for (int i = 0; i < best.size(); i++) {
            best.get(i).factor = 1 + COVERAGE_WEIGHT * coverage[i];
            docs[i] = best.get(i).best.doc;
            scores[i] = best.get(i).score();
        }
        float[] share = TopicAgreement.of(reader, docs, scores);
        for (int i = 0; i < best.size(); i++) {
            best.get(i).factor *= 1 + AGREEMENT_WEIGHT * share[i];
        }
        best.sort(BEST_FIRST);
    }

    /** The sections of one page among the candidates. */
    private static final class Page {
        private final BytesRef key;
        /** Set by {@link #rerank}. */
        private float factor = 1;
        private ScoreDoc best;
        /** The scores of the best sections, best first: the best and up to {@link #OTHER_SECTIONS} more. */
        private final float[] top = new float[1 + OTHER_SECTIONS];

        Page(BytesRef key) {
            this.key = key;
        }

        void add(ScoreDoc section) {
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

        float score() {
            float others = 0;
            for (int i = 1; i < top.length; i++) {
                others += top[i];
            }
            return factor * (top[0] + OTHER_SECTIONS_WEIGHT * others);
        }
    }

    /** Groups candidates by page (read from doc values, in doc order as they require), best page first. */
    private static List<Page> pages(IndexReader reader, ScoreDoc[] top) throws IOException {
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

    private Hit hit(Document doc, float score, Set<String> terms, int snippetChars) {
        Kind kind = Kind.valueOf(doc.get(Fields.KIND));
        String question = doc.get(Fields.QUESTION);
        String answer = doc.get(Fields.ANSWER) == null ? "" : doc.get(Fields.ANSWER);
        Snippets.Snippet snippet;
        Snippets.Snippet reply = Snippets.Snippet.EMPTY;
        if (kind == Kind.QUESTION) {
            String title = doc.get(Fields.TITLE);
            snippet = snippets.best(question.substring(Math.min(question.length(), title.length())).strip(), terms,
                    snippetChars);
            reply = snippets.best(answer, terms, snippetChars);
        } else {
            snippet = snippets.best(answer.isBlank() ? question : answer, terms, snippetChars);
        }
        return new Hit(doc.get(Fields.ID), kind, doc.get(Fields.PAGE), doc.get(Fields.TITLE), snippet.text(),
                snippet.html(), reply.text(), doc.get(Fields.URL), doc.get(Fields.SOURCE),
                Arrays.asList(doc.getValues(Fields.SPECIALTY)), doc.get(Fields.DOCTOR), question, answer, score);
    }

    private synchronized IndexWriter writer() {
        if (writer == null) {
            throw new IllegalStateException("The search index is not open");
        }
        return writer;
    }

    @Override
    public synchronized void destroy() throws IOException {
        if (writer != null) {
            searchers.close();
            writer.close();
            directory.close();
            writer = null;
        }
    }
}
