package io.askflow.notification.request;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * {@link io.askflow.messaging.ProcessedEvents} for a whole batch: records many events in the shared
 * {@code processed_event} table with one statement. Call it inside the transaction of the state change.
 */
@Repository
class FirstTimeEvents {

    private final JdbcTemplate jdbc;

    FirstTimeEvents(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the events; returns those recorded now, so the caller skips the others (seen before). */
    Set<UUID> record(Collection<UUID> eventIds, String topic) {
        Set<UUID> firstTime = new HashSet<>();
        if (eventIds.isEmpty()) {
            return firstTime;
        }
        // Sorted: concurrent batches insert the same ids in the same order, so they wait, never deadlock.
        jdbc.query("""
                insert into processed_event (event_id, topic)
                select event_id, ? from unnest(?::uuid[]) as event_id order by event_id
                on conflict do nothing
                returning event_id
                """, rs -> {
                    firstTime.add(rs.getObject(1, UUID.class));
                }, topic, eventIds.stream().distinct().map(UUID::toString).toArray(String[]::new));
        return firstTime;
    }
}
