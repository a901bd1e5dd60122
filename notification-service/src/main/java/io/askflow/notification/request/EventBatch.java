package io.askflow.notification.request;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.askflow.messaging.InvalidEventException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.BatchListenerFailedException;

/**
 * One poll's records of a topic, stored in one transaction. A record that cannot be read or stored fails alone, at
 * its own position: {@link #throwFirstFailure} hands it to the shared error handler, which commits the offsets
 * before it, retries or dead-letters that record and redelivers the rest of the batch. What of the rest was stored
 * already is skipped on redelivery by the dedupe (processed_event), so nothing waits behind a record that is retried.
 *
 * @param <E> the event type of the topic
 */
final class EventBatch<E> {

    private static final Logger log = LoggerFactory.getLogger(EventBatch.class);

    private final List<ConsumerRecord<String, byte[]>> records;
    private final List<E> events = new ArrayList<>();
    /** The record index of each readable event. */
    private final List<Integer> indexes = new ArrayList<>();
    private final SortedMap<Integer, RuntimeException> failures = new TreeMap<>();

    private EventBatch(List<ConsumerRecord<String, byte[]>> records) {
        this.records = records;
    }

    /** Reads each record's JSON; one that is no event of this type (bad JSON, missing ids) is never retried. */
    static <E> EventBatch<E> read(List<ConsumerRecord<String, byte[]>> records, Class<E> type, ObjectMapper json) {
        var batch = new EventBatch<E>(records);
        for (int i = 0; i < records.size(); i++) {
            byte[] value = records.get(i).value();
            try {
                if (value == null) {
                    throw new InvalidEventException("Record without a value");
                }
                batch.events.add(json.readValue(value, type));
                batch.indexes.add(i);
            } catch (IOException | RuntimeException e) {
                var invalid = new InvalidEventException("Not a " + type.getSimpleName() + ": " + e.getMessage());
                invalid.initCause(e);
                batch.failures.put(i, invalid);
            }
        }
        return batch;
    }

    /**
     * Stores the readable events with {@code store}, which runs one transaction and returns the events it cannot
     * store (by position in the list it was given) without throwing. If that transaction fails as a whole, the
     * events are stored one by one, each in its own transaction, until one fails: so that one alone is retried or
     * dead-lettered, and the events before it are committed.
     */
    void store(Function<List<E>, Map<Integer, RuntimeException>> store) {
        if (events.isEmpty()) {
            return;
        }
        try {
            store.apply(events).forEach((position, why) -> failures.put(indexes.get(position), why));
        } catch (RuntimeException batchFailed) {
            log.warn("Storing a batch of {} {} failed, storing them one by one: {}", events.size(),
                    records.get(0).topic(), batchFailed.getMessage());
            for (int i = 0; i < events.size(); i++) {
                try {
                    RuntimeException why = store.apply(List.of(events.get(i))).get(0);
                    if (why != null) {
                        failures.put(indexes.get(i), why);
                    }
                } catch (RuntimeException e) {
                    failures.put(indexes.get(i), e);
                    break;
                }
            }
        }
    }

    /** Hands the first record that failed to the error handler; the records before it are done. */
    void throwFirstFailure() {
        if (failures.isEmpty()) {
            return;
        }
        int index = failures.firstKey();
        ConsumerRecord<String, byte[]> record = records.get(index);
        throw new BatchListenerFailedException("Record " + record.topic() + "-" + record.partition() + "@"
                + record.offset() + " failed", failures.get(index), index);
    }
}
