package io.askflow.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.springframework.kafka.listener.BatchInterceptor;
import org.springframework.kafka.listener.RecordInterceptor;

/**
 * Where the listener containers meet {@link ParkedEventReplay}: a record processed without error makes the parked
 * events of its key due, and a replay meant for another consumer group is skipped (acknowledged unprocessed).
 * Batch listeners get the replays of other groups too; their inbox dedupe makes those a no-op.
 */
final class ReplayInterceptors {

    static RecordInterceptor<Object, Object> records(ParkedEventReplay replay) {
        return new RecordInterceptor<>() {
            @Override
            public ConsumerRecord<Object, Object> intercept(ConsumerRecord<Object, Object> record,
                                                            Consumer<Object, Object> consumer) {
                return EventParking.header(record.headers(), EventParking.REPLAY_FOR)
                        .filter(group -> !group.equals(consumer.groupMetadata().groupId()))
                        .isPresent() ? null : record;
            }

            @Override
            public void success(ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
                if (record.key() != null) {
                    replay.processed(List.of(record.key().toString()));
                }
            }
        };
    }

    static BatchInterceptor<Object, Object> batches(ParkedEventReplay replay) {
        return new BatchInterceptor<>() {
            @Override
            public ConsumerRecords<Object, Object> intercept(ConsumerRecords<Object, Object> records,
                                                             Consumer<Object, Object> consumer) {
                return records;
            }

            @Override
            public void success(ConsumerRecords<Object, Object> records, Consumer<Object, Object> consumer) {
                List<String> keys = new ArrayList<>();
                records.forEach(record -> keys.add(Objects.toString(record.key(), null)));
                keys.removeIf(Objects::isNull);
                replay.processed(keys);
            }
        };
    }

    private ReplayInterceptors() {
    }
}
