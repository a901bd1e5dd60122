package io.askflow.messaging;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends parked events ({@link EventParking}) back to their topic and partition when they are due: soon after this
 * service processed another event with the same key (the question moved on, so the state the event waited for has
 * likely arrived), else on the back-off timer. An event whose key this instance parked wakes the replay at once
 * (a reply that came before its claim goes out again right after the claim, not up to a poll interval later);
 * other instances' parked events are found by the poll.
 * <p>
 * Replay re-publishes the record rather than calling the listener here: the replayed record takes the one path every
 * record takes (listener, {@link Inbox} dedupe by event id, the error handler, which parks it again if it is still
 * too early, or dead-letters it once its budget is spent), so there is no second way into a listener to keep right.
 * The record carries its first parking time ({@link EventParking#PARKED_SINCE}), so the budget spans re-parkings,
 * and the parking consumer group ({@link EventParking#REPLAY_FOR}), so other services' consumers of the topic skip
 * it (they had the original).
 * <p>
 * Rows are taken {@code FOR UPDATE SKIP LOCKED}, so instances of a service share them, and deleted only after the
 * broker acknowledged their record, in the same transaction: a crash in between sends the record again, which the
 * listeners' dedupe makes harmless.
 */
class ParkedEventReplay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ParkedEventReplay.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final KafkaOperations<Object, Object> kafka;
    private final EventParking parking;
    private final MessagingProperties.Parking properties;
    /** Keys of events processed since the last look: their parked events are due now. */
    private final Set<String> processedKeys = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean wakePending = new AtomicBoolean();
    /** One thread for the poll and the wake-ups, so one instance never replays twice at once. */
    private volatile ScheduledExecutorService replayer;

    ParkedEventReplay(JdbcClient jdbc, PlatformTransactionManager transactionManager, KafkaOperations<Object, Object> kafka,
                      EventParking parking, MessagingProperties.Parking properties) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.kafka = kafka;
        this.parking = parking;
        this.properties = properties;
    }

    @Override
    public void start() {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "parked-event-replay");
            thread.setDaemon(true);
            return thread;
        });
        long poll = properties.pollInterval().toMillis();
        executor.scheduleWithFixedDelay(this::replayDue, poll, poll, TimeUnit.MILLISECONDS);
        replayer = executor;
    }

    @Override
    public void stop() {
        ScheduledExecutorService executor = replayer;
        replayer = null;
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return replayer != null;
    }

    /** Called after a listener processed records with these keys. */
    void processed(Collection<String> keys) {
        processedKeys.addAll(keys);
        ScheduledExecutorService executor = replayer;
        if (executor != null && parking.takeParked(keys) && wakePending.compareAndSet(false, true)) {
            try {
                executor.execute(() -> {
                    wakePending.set(false);
                    replayDue();
                });
            } catch (RejectedExecutionException stopping) {
                wakePending.set(false);
            }
        }
    }

    void replayDue() {
        try {
            bringForwardProcessedKeys();
            int replayed;
            do {
                replayed = transactions.execute(status -> replayBatch());
            } while (replayed == properties.replayBatch());
        } catch (RuntimeException e) {
            log.warn("Replaying parked events failed, trying again in {}: {}", properties.pollInterval(),
                    Failures.rootMessage(e));
        }
    }

    private void bringForwardProcessedKeys() {
        List<String> keys = new ArrayList<>();
        for (Iterator<String> it = processedKeys.iterator(); it.hasNext(); ) {
            keys.add(it.next());
            it.remove();
        }
        if (keys.isEmpty()) {
            return;
        }
        OffsetDateTime now = EventParking.utc(Instant.now());
        jdbc.sql("update parked_event set next_attempt_at = ? where record_key = any(?::text[]) and next_attempt_at > ?")
                .params(now, keys.toArray(String[]::new), now)
                .update();
    }

    private int replayBatch() {
        List<Parked> due = jdbc.sql("""
                        select id, topic, kafka_partition, consumer_group, record_key, record_value, headers::text,
                               first_parked_at, attempts
                        from parked_event where next_attempt_at <= ?
                        order by next_attempt_at, id limit ? for update skip locked
                        """)
                .params(EventParking.utc(Instant.now()), properties.replayBatch())
                .query(ParkedEventReplay::parked)
                .list();
        List<CompletableFuture<?>> sends = new ArrayList<>();
        for (Parked parked : due) {
            sends.add(kafka.send(replay(parked)));
        }
        List<Long> sent = new ArrayList<>();
        for (int i = 0; i < due.size(); i++) {
            try {
                sends.get(i).join();
                sent.add(due.get(i).id());
            } catch (CompletionException e) {
                log.warn("Could not replay parked record of topic {} key {}, keeping it: {}", due.get(i).topic(),
                        due.get(i).key(), Failures.rootMessage(e));
            }
        }
        if (!sent.isEmpty()) {
            jdbc.sql("delete from parked_event where id = any(?::bigint[])").params((Object) sent.toArray(Long[]::new))
                    .update();
            log.debug("Replayed {} parked records", sent.size());
        }
        return due.size();
    }

    private ProducerRecord<Object, Object> replay(Parked parked) {
        var headers = new RecordHeaders();
        parking.readHeaders(parked.headers())
                .forEach(header -> headers.add(new RecordHeader(header.name(), header.value())));
        headers.add(header(EventParking.PARKED_SINCE, parked.firstParkedAt().toString()));
        headers.add(header(EventParking.REPLAYS, Integer.toString(parked.attempts() + 1)));
        headers.add(header(EventParking.REPLAY_FOR, parked.consumerGroup()));
        return new ProducerRecord<>(parked.topic(), parked.partition(), parked.key(), parked.value(), headers);
    }

    private static RecordHeader header(String name, String value) {
        return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static Parked parked(ResultSet rs, int row) throws SQLException {
        return new Parked(rs.getLong("id"), rs.getString("topic"), rs.getInt("kafka_partition"),
                rs.getString("consumer_group"), rs.getString("record_key"), rs.getBytes("record_value"),
                rs.getString("headers"), rs.getObject("first_parked_at", OffsetDateTime.class).toInstant(),
                rs.getInt("attempts"));
    }

    private record Parked(long id, String topic, int partition, String consumerGroup, String key, byte[] value,
                          String headers, Instant firstParkedAt, int attempts) {
    }
}
