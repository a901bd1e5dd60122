package io.askflow.enrichment.knowledge;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads a JSON-lines knowledge file into the schema, then into the search index (whose sync catches up on
 * {@link KnowledgeImported} before the import returns). Records are written in chunks, one transaction each; a
 * record is one statement, so it is never half-applied.
 */
@Service
public class KnowledgeImport {

    static final int CHUNK = 500;
    static final int PROGRESS_EVERY = 5000;
    private static final int SKIPPED_LINES_SHOWN = 50;

    private final KnowledgeRecords records;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final KnowledgeLines lines;
    private final KnowledgeXml xml = new KnowledgeXml();

    KnowledgeImport(KnowledgeRecords records, TransactionTemplate transactions, ApplicationEventPublisher events,
                    ObjectMapper json) {
        this.records = records;
        this.transactions = transactions;
        this.events = events;
        this.lines = new KnowledgeLines(json);
    }

    /**
     * Imports a JSON-lines file (plain or gzip), or MedQuAD's XML layout (a folder of XML pages, or one XML file);
     * {@code progress} receives a line now and then and every skipped line or pair.
     */
    public ImportSummary importFile(Path file, Consumer<String> progress) {
        long started = System.nanoTime();
        var counts = new long[5]; // read, imported, updated, unchanged, skipped
        List<String> skippedLines = new ArrayList<>();
        List<KnowledgeRecord> chunk = new ArrayList<>(CHUNK);
        try {
            KnowledgeLines.LineHandler handler = line -> {
                counts[0]++;
                if (line.record() == null) {
                    counts[4]++;
                    String skipped = line.where() + ": " + line.problem();
                    progress.accept("skipped " + skipped);
                    if (skippedLines.size() < SKIPPED_LINES_SHOWN) {
                        skippedLines.add(skipped);
                    }
                } else {
                    chunk.add(line.record());
                    if (chunk.size() == CHUNK) {
                        write(chunk, counts);
                    }
                }
                if (counts[0] % PROGRESS_EVERY == 0) {
                    progress.accept(counts[0] + " records read");
                }
            };
            if (KnowledgeXml.handles(file)) {
                xml.read(file, handler);
            } else {
                lines.read(file, handler);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
        }
        write(chunk, counts);
        events.publishEvent(new KnowledgeImported(file));
        return new ImportSummary(counts[0], counts[1], counts[2], counts[3], counts[4], List.copyOf(skippedLines),
                (System.nanoTime() - started) / 1e9);
    }

    private void write(List<KnowledgeRecord> chunk, long[] counts) {
        if (chunk.isEmpty()) {
            return;
        }
        transactions.executeWithoutResult(status -> chunk.forEach(record -> {
            switch (records.upsert(record)) {
                case IMPORTED -> counts[1]++;
                case UPDATED -> counts[2]++;
                case UNCHANGED -> counts[3]++;
            }
        }));
        chunk.clear();
    }
}
