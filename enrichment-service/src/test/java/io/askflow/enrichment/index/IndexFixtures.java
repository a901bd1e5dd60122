package io.askflow.enrichment.index;

import io.askflow.enrichment.AnsweredQuestion;
import io.askflow.enrichment.knowledge.KnowledgeRecord;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.apache.lucene.document.Document;

/** What the tests of the ranking need of this package's writing side, to build small real indexes. */
public final class IndexFixtures {

    private IndexFixtures() {
    }

    /** A new index in {@code folder}, open for writing. */
    public static SearchIndex open(Path folder) throws IOException {
        SearchIndex index = new SearchIndex(new IndexProperties(folder, Duration.ofMinutes(1)));
        index.open();
        return index;
    }

    public static void put(SearchIndex index, KnowledgeRecord record, long version) throws IOException {
        index.put(record, version);
    }

    public static void put(SearchIndex index, AnsweredQuestion question, long version) throws IOException {
        index.put(question, version);
    }

    public static void refresh(SearchIndex index) throws IOException {
        index.refresh();
    }

    public static void commit(SearchIndex index) throws IOException {
        index.commit(Map.of());
    }

    /** The document the index writes for this record, for tests that write with a writer of their own. */
    public static Document document(KnowledgeRecord record, long version) {
        return new IndexDocuments(Fields.analyzer()).knowledge(record, version);
    }
}
