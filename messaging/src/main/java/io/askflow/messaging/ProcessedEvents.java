package io.askflow.messaging;

import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Remembers which events a service has processed, in its own schema. Call {@link #firstTime} inside the
 * transaction of the state change: if the change rolls back, so does the record of it, and a redelivery is
 * processed again.
 */
public class ProcessedEvents {

    private final JdbcTemplate jdbc;

    ProcessedEvents(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the event; {@code false} if it was recorded before, so the caller skips it. */
    public boolean firstTime(UUID eventId, String topic) {
        return jdbc.update("insert into processed_event (event_id, topic) values (?, ?) on conflict do nothing",
                eventId, topic) == 1;
    }
}
