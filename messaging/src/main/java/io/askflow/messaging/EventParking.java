package io.askflow.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.support.KafkaUtils;

/**
 * Sets aside a record whose event came before the state it needs ({@link EventTooEarlyException}), in this
 * service's {@code parked_event} table, so that the error handler moves the partition on at once instead of
 * retrying the record in place while every later record of its partition waits. {@link ParkedEventReplay} sends it
 * again later. Once {@code askflow.kafka.retry.too-early-for} has passed since it was first parked (a header carries
 * that time across replays), the record is dead-lettered instead.
 * <p>
 * The row is committed before the offset: a crash in between redelivers the record, which is then processed or
 * parked again, once, as (topic, partition, offset) is unique. If the row cannot be written (database down), this
 * throws, and the error handler redelivers the record.
 */
class EventParking implements ConsumerRecordRecoverer {

    /** When the event was first parked (ISO-8601 instant): the too-early budget runs from then. */
    static final String PARKED_SINCE = "askflow_parked_since";
    /** How many times the event was replayed. */
    static final String REPLAYS = "askflow_replays";
    /** The consumer group that parked the event: other groups skip the replay, they had the original. */
    static final String REPLAY_FOR = "askflow_replay_for";
    static final Set<String> OWN_HEADERS = Set.of(PARKED_SINCE, REPLAYS, REPLAY_FOR);

    private static final Logger log = LoggerFactory.getLogger(EventParking.class);
    private static final TypeReference<List<StoredHeader>> HEADER_LIST = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final ConsumerRecordRecoverer deadLetters;
    private final Duration budget;
    private final MessagingProperties.Parking parking;
    private final String defaultGroup;
    /** Keys of the events this instance parked since an event of the same key last woke the replay. */
    private final Set<String> parkedKeys = ConcurrentHashMap.newKeySet();

    EventParking(JdbcClient jdbc, ObjectMapper json, ConsumerRecordRecoverer deadLetters,
                 MessagingProperties properties, String defaultGroup) {
        this.jdbc = jdbc;
        this.json = json;
        this.deadLetters = deadLetters;
        this.budget = properties.retry().tooEarlyFor();
        this.parking = properties.parking();
        this.defaultGroup = defaultGroup;
    }

    /** Parks the record, or dead-letters it if its budget is spent. */
    @Override
    public void accept(ConsumerRecord<?, ?> record, Exception why) {
        Instant now = Instant.now();
        Instant since = header(record.headers(), PARKED_SINCE).map(Instant::parse).orElse(now);
        int attempts = header(record.headers(), REPLAYS).map(Integer::parseInt).orElse(0);
        Instant deadline = since.plus(budget);
        if (!now.isBefore(deadline)) {
            log.warn("Record topic={} partition={} offset={} key={} is still too early after {} replays since {}",
                    record.topic(), record.partition(), record.offset(), record.key(), attempts, since);
            deadLetters.accept(record, why);
            return;
        }
        Duration delay = parking.delayAfter(attempts);
        Instant next = now.plus(delay).isBefore(deadline) ? now.plus(delay) : deadline;
        String group = KafkaUtils.getConsumerGroupId() != null ? KafkaUtils.getConsumerGroupId() : defaultGroup;
        int parked = jdbc.sql("""
                        insert into parked_event (topic, kafka_partition, kafka_offset, consumer_group, record_key,
                                                  record_value, headers, first_parked_at, attempts, next_attempt_at,
                                                  last_error)
                        values (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?)
                        on conflict do nothing
                        """)
                .params(record.topic(), record.partition(), record.offset(), group,
                        record.key() == null ? null : record.key().toString(),
                        record.value() instanceof byte[] bytes ? bytes : null, storedHeaders(record.headers()),
                        utc(since), attempts, utc(next), Failures.rootMessage(why))
                .update();
        if (record.key() != null) {
            parkedKeys.add(record.key().toString());
        }
        log.info("Parked topic={} partition={} offset={} key={} until {}{}: {}", record.topic(), record.partition(),
                record.offset(), record.key(), next, parked == 0 ? " (parked before)" : "",
                Failures.rootMessage(why));
    }

    /**
     * Whether this instance parked an event with one of these keys; forgets them, as the caller now makes their
     * parked events due (an event parked again is remembered again). A hint only: the poll finds every parked event.
     */
    boolean takeParked(Collection<String> keys) {
        boolean any = false;
        for (String key : keys) {
            any |= parkedKeys.remove(key);
        }
        return any;
    }

    /** The record's headers as stored, without the parking's own (they have their columns). */
    private String storedHeaders(Headers headers) {
        List<StoredHeader> stored = new ArrayList<>();
        for (Header header : headers) {
            if (!OWN_HEADERS.contains(header.key())) {
                stored.add(new StoredHeader(header.key(), header.value()));
            }
        }
        try {
            return json.writeValueAsString(stored);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the headers of a parked record", e);
        }
    }

    /** Reads what {@link #storedHeaders} wrote. */
    List<StoredHeader> readHeaders(String stored) {
        try {
            return json.readValue(stored, HEADER_LIST);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot read the headers of a parked record", e);
        }
    }

    static Optional<String> header(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? Optional.empty()
                : Optional.of(new String(header.value(), StandardCharsets.UTF_8));
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /** One Kafka header; Jackson writes the value as base64. */
    record StoredHeader(String name, byte[] value) {
    }
}
