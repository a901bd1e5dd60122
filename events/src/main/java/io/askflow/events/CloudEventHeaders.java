package io.askflow.events;

import java.util.Map;

/** CloudEvents-style Kafka headers ({@code ce_*}), so tools can read an event's envelope without its body. */
public final class CloudEventHeaders {

    public static final String SOURCE = "/askflow";

    /** The headers of one event. */
    public static Map<String, Object> of(AskflowEvent event) {
        return Map.of(
                "ce_specversion", "1.0",
                "ce_id", event.eventId().toString(),
                "ce_type", "io.askflow." + Topics.of(event),
                "ce_source", SOURCE,
                "ce_time", event.occurredAt().toString());
    }

    private CloudEventHeaders() {
    }
}
