package io.askflow.enrichment.index;

import io.askflow.enrichment.AnsweredQuestion;
import io.askflow.enrichment.knowledge.KnowledgeRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * This instance's Lucene index of knowledge records and consented answered questions: its folder, its one writer
 * and the near-real-time readers searches run on, refreshed after every change. What a search does with a reader
 * is the ranking's business ({@code ranking.PageRanking}).
 */
@Component
public class SearchIndex implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SearchIndex.class);
    static final String FORMAT_KEY = "format";
    static final String SYNCED_UP_TO_KEY = "syncedUpTo";

    private final IndexProperties properties;
    private final Analyzer analyzer = Fields.analyzer();
    private final IndexDocuments documents = new IndexDocuments(analyzer);
    private Directory directory;
    private IndexWriter writer;
    private SearcherManager searchers;

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

    public synchronized boolean isOpen() {
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

    /**
     * Runs {@code work} with the versions as they are now, including changes not committed yet. The view does not
     * change while {@code work} runs.
     */
    void withVersions(IndexWork<IndexVersions> work) throws IOException {
        searchers.maybeRefreshBlocking();
        IndexSearcher searcher = searchers.acquire();
        try {
            work.run(new IndexVersions(searcher.getIndexReader().leaves()));
        } finally {
            searchers.release(searcher);
        }
    }

    /** Work on the index that may fail with an {@link IOException}. */
    interface IndexWork<T> {
        void run(T input) throws IOException;
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
     * Runs {@code read} on a searcher of the changes made visible so far; empty while the index is not open (a
     * command that found it held by the running service).
     */
    public <T> Optional<T> read(Read<T> read) throws IOException {
        if (!isOpen()) {
            return Optional.empty();
        }
        IndexSearcher searcher = searchers.acquire();
        try {
            return Optional.of(read.apply(searcher));
        } finally {
            searchers.release(searcher);
        }
    }

    /** A read of the index that may fail with an {@link IOException}. */
    public interface Read<T> {
        T apply(IndexSearcher searcher) throws IOException;
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
