package io.askflow.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The wire format is Boot's ObjectMapper: ISO instants, enum names, unknown fields ignored. */
class EventJsonTest {

    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    @Test
    void roundTripsAnEventAndToleratesFieldsAddedLater() throws Exception {
        var event = new ReplyEnriched(UUID.randomUUID(), UUID.randomUUID(), Instant.parse("2026-01-02T03:04:05Z"),
                UUID.randomUUID(), List.of(new ReplyEnriched.MoreInfo("Bell's palsy", "text", "NINDS", "https://x")),
                null, null);
        String text = json.writeValueAsString(event);
        assertThat(text).contains("\"occurredAt\":\"2026-01-02T03:04:05Z\"");

        String withAddition = text.replaceFirst("\\{", "{\"addedLater\":1,");
        assertThat(json.readValue(withAddition, ReplyEnriched.class)).isEqualTo(event);
    }

    @Test
    void anEventWithoutItsIdentityIsRejected() {
        assertThatThrownBy(() -> json.readValue("{\"questionId\":\"" + UUID.randomUUID() + "\"}",
                QuestionRouted.class)).hasRootCauseInstanceOf(NullPointerException.class);
    }

    @Test
    void toStringNeverShowsThePatientsAddress() {
        var submitted = new QuestionSubmitted(UUID.randomUUID(), UUID.randomUUID(), Instant.now(), "Mei",
                AgeRange.FROM_30_TO_39, Gender.FEMALE, null, "title", "body", "en", true, "http://t",
                "mei@example.org", false);
        assertThat(submitted.toString()).doesNotContain("mei@example.org");
    }
}
