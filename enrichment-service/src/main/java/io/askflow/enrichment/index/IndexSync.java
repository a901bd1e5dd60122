package io.askflow.enrichment.index;

import io.askflow.enrichment.AnsweredQuestion;
import io.askflow.enrichment.Questions;
import io.askflow.enrichment.knowledge.KnowledgeImported;
import io.askflow.enrichment.knowledge.KnowledgeRecords;
import io.askflow.enrichment.knowledge.KnowledgeRecords.Changed;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.lucene.store.LockObtainFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the index equal to the schema. On start the index is opened as it is when its format matches and it
 * holds as many documents as the schema has searchable rows, and rebuilt otherwise. Afterwards rows changed since
 * the last sync are indexed: right after this instance changes them (searchable at once, made durable by the next
 * sync's commit), and every {@code askflow.index.sync-every} for changes made elsewhere (other instances, the import
 * command). Each sync looks back a minute before the time
 * it last looked, to catch transactions that committed late; a row is indexed again only if its
 * {@code changed_at} differs from the version its document carries, or if it stopped (or started) being
 * searchable. The versions live in the index itself, so a restart does not index the look-back window again.
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

    IndexSync(SearchIndex index, KnowledgeRecords knowledge, Questions questions, TransactionTemplate transactions,
              JdbcTemplate jdbc) {
        this.index = index;
        this.jdbc = jdbc;
        this.knowledge = knowledge;
        this.questions = questions;
        this.readOnly = new TransactionTemplate(transactions.getTransactionManager());
        this.readOnly.setReadOnly(true);
        // its own transaction also when called after another one committed (refreshAfterCommit)
        this.readOnly.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        start();
    }

    /** Opens, and rebuilds or catches up, the index; returns how many documents that put or removed. */
    synchronized long start() throws IOException {
        Map<String, String> marker;
        try {
            marker = index.open();
        } catch (LockObtainFailedException e) {
            log.info("The search index is in use by a running enrichment-service, which indexes the changes itself");
            return 0;
        }
        long started = System.nanoTime();
        long indexed;
        if (!Fields.FORMAT.equals(marker.get(SearchIndex.FORMAT_KEY))) {
            indexed = rebuild("it is new or of another format");
        } else {
            syncedUpTo = Instant.parse(marker.getOrDefault(SearchIndex.SYNCED_UP_TO_KEY, Instant.EPOCH.toString()));
            indexed = catchUp();
            if (index.count(Kind.KNOWLEDGE) != knowledge.count()
                    || index.count(Kind.QUESTION) != questions.countPublishable()) {
                indexed += rebuild("it does not match the schema");
            }
        }
        log.info("Search index ready in {} ms ({} knowledge records, {} answered questions; {} documents indexed)",
                (System.nanoTime() - started) / 1_000_000, index.count(Kind.KNOWLEDGE), index.count(Kind.QUESTION),
                indexed);
        return indexed;
    }

    private long rebuild(String why) throws IOException {
        log.info("Rebuilding the search index from the schema: {}", why);
        index.deleteAll();
        syncedUpTo = Instant.EPOCH;
        long indexed = catchUp();
        index.commit(Map.of(SearchIndex.SYNCED_UP_TO_KEY, syncedUpTo.toString()));
        return indexed;
    }

    /** An import indexes what it wrote before it returns, instead of at the next scheduled sync. */
    @EventListener
    void imported(KnowledgeImported imported) {
        catchUp();
    }

    /** Indexes what changed in the schema since the last sync; returns how many documents it put or removed. */
    @Scheduled(fixedDelayString = "${askflow.index.sync-every:15s}", initialDelayString = "${askflow.index.sync-every:15s}")
    public synchronized long catchUp() {
        if (!index.isOpen()) {
            return 0;
        }
        Instant started = jdbc.queryForObject("select now()", Timestamp.class).toInstant();
        Instant since = syncedUpTo;
        long[] indexed = {0};
        put(() -> index.withVersions(versions -> readOnly.executeWithoutResult(status -> {
            knowledge.changedSince(since, changed -> put(() -> {
                if (versions.of(changed.row().id()) != version(changed.changedAt())) {
                    index.put(changed.row(), version(changed.changedAt()));
                    indexed[0]++;
                }
            }));
            questions.changedSince(since, changed -> put(() -> {
                if (isStale(versions, changed)) {
                    index.put(changed.row(), version(changed.changedAt()));
                    indexed[0]++;
                }
            }));
        })));
        Instant next = started.minus(LOOK_BACK);
        syncedUpTo = next.isAfter(syncedUpTo) ? next : syncedUpTo;
        // also what refresh() indexed since the last commit: everything changed before the marker is then durable
        if (indexed[0] > 0 || index.hasUncommittedChanges()) {
            put(() -> index.commit(Map.of(SearchIndex.SYNCED_UP_TO_KEY, syncedUpTo.toString())));
        }
        return indexed[0];
    }

    /** A searchable question whose document is missing or older, or an unsearchable one that is still indexed. */
    private static boolean isStale(IndexVersions versions, Changed<AnsweredQuestion> changed)
            throws IOException {
        long indexed = versions.of(changed.row().questionId().toString());
        return changed.row().consentToPublish()
                ? indexed != version(changed.changedAt())
                : indexed != IndexVersions.ABSENT;
    }

    private static long version(Instant changedAt) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, changedAt);
    }

    /**
     * Once the current transaction commits, brings this instance's document of the question up to date with its
     * row as it is then: indexed if searchable, removed if not (other instances follow at their next sync).
     */
    public void refreshAfterCommit(UUID questionId) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                refresh(questionId);
            }
        });
    }

    /** Reads the row now, under this lock: a concurrent change of the same question cannot leave an older state. */
    synchronized void refresh(UUID questionId) {
        if (!index.isOpen()) {
            return;
        }
        Optional<Changed<AnsweredQuestion>> changed = readOnly.execute(status -> questions.find(questionId));
        if (changed.isPresent()) {
            // visible at once, durable at the next sync: a commit (fsync) per reply cost more than the search itself
            put(() -> index.put(changed.get().row(), version(changed.get().changedAt())));
            put(index::refresh);
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
