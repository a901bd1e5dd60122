package io.askflow.devstack.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** A question's dated steps as {@code GET /api/track/{token}} shows them; the first date of each step counts. */
record Timeline(String status, Map<String, Instant> firstAt) {

    static Timeline of(JsonNode track) {
        Map<String, Instant> firstAt = new HashMap<>();
        for (JsonNode entry : track.path("timeline")) {
            String step = entry.path("step").asText("");
            Instant at = instant(entry.path("at"));
            if (!step.isEmpty() && at != null) {
                firstAt.merge(step, at, (a, b) -> a.isBefore(b) ? a : b);
            }
        }
        return new Timeline(track.path("status").asText(""), Map.copyOf(firstAt));
    }

    Optional<Instant> at(String step) {
        return Optional.ofNullable(firstAt.get(step));
    }

    boolean notified() {
        return firstAt.containsKey("NOTIFIED");
    }

    /** The latest step reached, for reporting where an unfinished question stopped. */
    String lastStep() {
        return firstAt.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse("none");
    }

    /** ISO-8601 (Boot's default) or Jackson's numeric epoch seconds. */
    static Instant instant(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isNumber()) {
            BigDecimal seconds = node.decimalValue();
            return Instant.ofEpochSecond(seconds.longValue(), seconds.remainder(BigDecimal.ONE).movePointRight(9).longValue());
        }
        String text = node.asText();
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException notAnInstant) {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException unreadable) {
                return null;
            }
        }
    }
}
