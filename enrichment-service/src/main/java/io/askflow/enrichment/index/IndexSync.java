package io.askflow.enrichment.index;

import io.askflow.enrichment.AnsweredQuestion;
import io.askflow.enrichment.Questions;
import io.askflow.enrichment.knowledge.KnowledgeRecords;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.store.LockObtainFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the index equal to the schema. On start the index is opened as it is when its format matches and it
 * holds as many documents as the schema has rows, and rebuilt otherwise. Afterwards rows changed since the last
 * sync are indexed: right after this instance changes them, and every {@code askflow.index.sync-every} for
 * changes made elsewhere (other instances, the import command). Each sync looks back a minute before the time it
 * last looked, to catch transactions that committed late; rows it indexed in that window are not indexed again.
 */
@Component
@Order(1)
public class IndexSync implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(IndexSync.class);
    /** Longer than any transaction that changes indexed rows takes: it may commit after a sync looked. */
    private static final Duration LOOK_BACK = Duration.ofMinutes(1);

    private final SearchIndex index;
    private final KnowledgeRecords knowledge;
    private final Questions questions;
    private final TransactionTemplate readOnly;
    private final JdbcTemplate jdbc;
    private Instant syncedUpTo = Instant.EPOCH;
    private final Map<String, Instant> recentlyIndexed = new HashMap<>();

    IndexSync(SearchIndex index, KnowledgeRecords knowledge, Questions questions, TransactionTemplate transactions,
              JdbcTemplate jdbc) {
        this.index = index;
        this.jdbc = jdbc;
        this.knowledge = knowledge;
        this.questions = questions;
        this.readOnly = new TransactionTemplate(transactions.getTransactionManager());
        this.readOnly.setReadOnly(true);
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        start();
    }

    synchronized void start() throws IOException {
        Map<String, String> marker;
        try {
            marker = index.open();
        } catch (LockObtainFailedException e) {
            log.info("The search index is in use by a running enrichment-service, which indexes the changes itself");
            return;
        }
        long started = System.nanoTime();
        if (!Fields.FORMAT.equals(marker.get(SearchIndex.FORMAT_KEY))) {
            rebuild("it is new or of another format");
        } else {
            syncedUpTo = Instant.parse(marker.getOrDefault(SearchIndex.SYNCED_UP_TO_KEY, Instant.EPOCH.toString()));
            catchUp();
            if (index.count(Kind.KNOWLEDGE) != knowledge.count()
                    || index.count(Kind.QUESTION) != questions.countPublishable()) {
                rebuild("it does not match the schema");
            }
        }
        log.info("Search index ready in {} ms ({} knowledge records, {} answered questions)",
                (System.nanoTime() - started) / 1_000_000, index.count(Kind.KNOWLEDGE), index.count(Kind.QUESTION));
    }

    private void rebuild(String why) throws IOException {
        log.info("Rebuilding the search index from the schema: {}", why);
        index.deleteAll();
        syncedUpTo = Instant.EPOCH;
        recentlyIndexed.clear();
        catchUp();
        index.commit(Map.of(SearchIndex.SYNCED_UP_TO_KEY, syncedUpTo.toString()));
    }

    /** Indexes what changed in the schema since the last sync. */
    @Scheduled(fixedDelayString = "${askflow.index.sync-every:15s}", initialDelayString = "${askflow.index.sync-every:15s}")
    public synchronized void catchUp() {
        if (!index.isOpen()) {
            return;
        }
        Instant started = jdbc.queryForObject("select now()", Timestamp.class).toInstant();
        Instant since = syncedUpTo;
        long[] indexed = {0};
        readOnly.executeWithoutResult(status -> {
            knowledge.changedSince(since, changed -> {
                if (isNew("k:" + changed.row().id(), changed.changedAt())) {
                    put(() -> index.put(changed.row()));
                    indexed[0]++;
                }
            });
            questions.publishableChangedSince(since, changed -> {
                if (isNew("q:" + changed.row().questionId(), changed.changedAt())) {
                    put(() -> index.put(changed.row()));
                    indexed[0]++;
                }
            });
        });
        Instant next = started.minus(LOOK_BACK);
        syncedUpTo = next.isAfter(syncedUpTo) ? next : syncedUpTo;
        recentlyIndexed.values().removeIf(changedAt -> changedAt.isBefore(syncedUpTo));
        if (indexed[0] > 0) {
            put(() -> index.commit(Map.of(SearchIndex.SYNCED_UP_TO_KEY, syncedUpTo.toString())));
        }
    }

    /** Rows seen again inside the look-back window are indexed only if they changed since. */
    private boolean isNew(String key, Instant changedAt) {
        return !changedAt.equals(recentlyIndexed.put(key, changedAt));
    }

    /** Indexes a question this instance has just stored (after its transaction committed). */
    public synchronized void indexNow(AnsweredQuestion question) {
        if (index.isOpen()) {
            put(() -> index.put(question));
            put(() -> index.commit(Map.of(SearchIndex.SYNCED_UP_TO_KEY, syncedUpTo.toString())));
        }
    }

    private interface IndexAction {
        void run() throws IOException;
    }

    private static void put(IndexAction action) {
        try {
            action.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
