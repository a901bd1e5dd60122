package io.askflow.messaging;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Remembers which events a service has processed, in its own schema ({@code processed_event}). Call it inside the
 * transaction of the state change: if the change rolls back, so does the record of it, and a redelivery is
 * processed again. {@link Inbox} does that for listeners.
 */
public class ProcessedEvents {

    private final JdbcClient jdbc;

    ProcessedEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the event; {@code false} if it was recorded before, so the caller skips it. */
    public boolean firstTime(UUID eventId, String topic) {
        return jdbc.sql("insert into processed_event (event_id, topic) values (?, ?) on conflict do nothing")
                .params(eventId, topic)
                .update() == 1;
    }

    /**
     * Records a batch of events with one statement; returns the ids recorded now, so the caller skips the others
     * (seen before, or twice in the batch).
     */
    public Set<UUID> firstTime(Collection<UUID> eventIds, String topic) {
        Set<UUID> firstTime = new HashSet<>();
        if (eventIds.isEmpty()) {
            return firstTime;
        }
        // Sorted: concurrent batches insert the same ids in the same order, so they wait, never deadlock.
        jdbc.sql("""
                        insert into processed_event (event_id, topic)
                        select event_id, ? from unnest(?::uuid[]) as event_id order by event_id
                        on conflict do nothing
                        returning event_id
                        """)
                .params(topic, eventIds.stream().distinct().map(UUID::toString).toArray(String[]::new))
                .query((rs, row) -> rs.getObject(1, UUID.class))
                .list()
                .forEach(firstTime::add);
        return firstTime;
    }
}
