package io.askflow.devstack.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LegsTest {

    private final ObjectMapper json = new ObjectMapper();

    private Timeline timeline(String body) throws Exception {
        return Timeline.of(json.readTree(body));
    }

    @Test
    void measuresEachLegFromTheRecordedDates() throws Exception {
        Timeline t = timeline("""
                {"status":"NOTIFIED","timeline":[
                  {"step":"ASKED","at":"2025-01-01T10:00:00Z"},
                  {"step":"ROUTED","at":"2025-01-01T10:00:00.250Z"},
                  {"step":"CLAIMED","at":"2025-01-01T10:00:05Z"},
                  {"step":"REPLIED","at":"2025-01-01T10:00:06Z"},
                  {"step":"ENRICHED","at":"2025-01-01T10:00:06.400Z"},
                  {"step":"NOTIFIED","at":"2025-01-01T10:00:07Z"}]}""");
        Instant queuedAt = Instant.parse("2025-01-01T10:00:00.300Z");

        var legs = Legs.of(t, queuedAt);

        assertThat(legs).containsEntry(Legs.SUBMIT_TO_ROUTED, 250L)
                .containsEntry(Legs.ROUTED_TO_QUEUED, 50L)
                .containsEntry(Legs.REPLY_TO_ENRICHED, 400L)
                .containsEntry(Legs.ENRICHED_TO_NOTIFIED, 600L)
                // 7000 ms in all, less the doctor's 5700 ms from queue to reply
                .containsEntry(Legs.SUBMIT_TO_NOTIFIED_LESS_DOCTOR, 1300L);
    }

    @Test
    void countsTheFirstDateOfARepeatedStep() throws Exception {
        Timeline t = timeline("""
                {"timeline":[{"step":"ROUTED","at":"2025-01-01T10:00:09Z"},{"step":"ASKED","at":"2025-01-01T10:00:00Z"},
                             {"step":"ROUTED","at":"2025-01-01T10:00:01Z"}]}""");

        assertThat(Legs.of(t, null)).containsExactly(java.util.Map.entry(Legs.SUBMIT_TO_ROUTED, 1000L));
    }

    @Test
    void leavesOutLegsWhoseDatesAreMissing() throws Exception {
        Timeline t = timeline("""
                {"status":"REPLIED","timeline":[{"step":"ASKED","at":"2025-01-01T10:00:00Z"},
                  {"step":"ROUTED","at":"2025-01-01T10:00:01Z"},{"step":"REPLIED","at":"2025-01-01T10:00:02Z"}]}""");

        var legs = Legs.of(t, null);

        assertThat(legs).containsOnlyKeys(Legs.SUBMIT_TO_ROUTED);
        assertThat(t.notified()).isFalse();
        assertThat(t.lastStep()).isEqualTo("REPLIED");
    }

    @Test
    void readsOffsetAndEpochSecondDates() throws Exception {
        Timeline t = timeline("""
                {"timeline":[{"step":"ASKED","at":"2025-01-01T12:00:00+02:00"},{"step":"ROUTED","at":1735725600.5}]}""");

        assertThat(t.at("ASKED")).hasValue(Instant.parse("2025-01-01T10:00:00Z"));
        assertThat(Legs.of(t, null)).containsEntry(Legs.SUBMIT_TO_ROUTED, 500L);
    }
}
