package io.askflow.question.ratelimit;

import static io.askflow.question.Patients.anyRecordContains;
import static io.askflow.question.Patients.marker;
import static io.askflow.question.Patients.question;
import static io.askflow.question.Patients.rowsWith;
import static io.askflow.testsupport.ClientAddresses.fresh;
import static io.askflow.testsupport.ClientAddresses.from;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.askflow.events.QuestionSubmitted;
import io.askflow.events.Topics;
import io.askflow.testsupport.AskflowIntegrationTest;
import io.askflow.testsupport.KafkaProbe;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The default limits (5 a minute, 20 a day per client address), switched back on for this class only (the
 * other classes ask many questions from one address). Each test is a client of its own: a fresh address.
 */
@AskflowIntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "askflow.rate-limit.enabled=true")
class RateLimitTest {

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired KafkaProbe probe;
    @Autowired JdbcTemplate jdbc;
    @Value("${spring.kafka.bootstrap-servers}") String bootstrapServers;
    @LocalServerPort int port;

    @Test
    void theSixthQuestionOfAMinuteGets429WithRetryAfterAndIsNeitherStoredNorPublished() throws Exception {
        // five questions fit in what is left of this minute
        await().atMost(Duration.ofSeconds(20)).until(() -> Instant.now().atZone(ZoneOffset.UTC).getSecond() < 45);
        String client = fresh();
        for (int i = 0; i < 5; i++) {
            mvc.perform(ask(client, question(marker()))).andExpect(status().isCreated());
        }
        String marker = marker();
        MvcResult refused = mvc.perform(ask(client, question(marker)))
                .andExpect(status().isTooManyRequests())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(429))
                .andExpect(jsonPath("$.title").value("Too many requests"))
                .andExpect(header().exists("Retry-After"))
                .andReturn();
        long retryAfter = Long.parseLong(refused.getResponse().getHeader("Retry-After"));
        assertThat(retryAfter).isBetween(1L, 60L);
        assertThat(json.readTree(refused.getResponse().getContentAsString()).get("retryAfterSeconds").asLong())
                .isEqualTo(retryAfter);
        assertThat(hits(client, "MINUTE")).as("a refused question counts nothing").isEqualTo(5);

        assertNothingStoredOrPublished(marker);
        mvc.perform(ask(fresh(), question(marker()))).andExpect(status().isCreated());   // others still ask
    }

    @Test
    void theTwentyFirstQuestionOfADayGets429UntilTheDayEnds() throws Exception {
        String client = fresh();
        seed("ASK", client, 20);
        String marker = marker();
        MvcResult refused = mvc.perform(ask(client, question(marker)))
                .andExpect(status().isTooManyRequests())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andReturn();
        long retryAfter = Long.parseLong(refused.getResponse().getHeader("Retry-After"));
        long untilMidnight = Duration.between(Instant.now(), Instant.now().truncatedTo(ChronoUnit.DAYS).plus(1, ChronoUnit.DAYS))
                .toSeconds();
        // untilMidnight is read after the answer and truncated, Retry-After before it and rounded up
        assertThat(retryAfter).isBetween(Math.max(1, untilMidnight - 30), untilMidnight + 2);
        assertThat(hits(client, "DAY")).isEqualTo(20);
        assertNothingStoredOrPublished(marker);
    }

    @Test
    void theFormAnswers429AndKeepsWhatThePatientWrote() throws Exception {
        String client = fresh();
        seed("ASK", client, 20);
        String marker = marker();
        String page = mvc.perform(post("/ask").with(csrf()).with(from(client))
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .param("nickname", "Mei").param("email", "mei." + marker + "@example.org")
                        .param("ageRange", "30~39").param("gender", "female")
                        .param("title", "Face droops " + marker)
                        .param("body", "My face has drooped since this morning " + marker))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("You have sent many questions in a short time").contains("Face droops " + marker)
                .contains("My face has drooped since this morning " + marker);
        assertNothingStoredOrPublished(marker);
    }

    @Test
    void linkRequestsAreLimitedOnTheirOwn() throws Exception {
        String client = fresh();
        seed("LINK_REQUEST", client, 20);
        mvc.perform(post("/track/resend").with(csrf()).with(from(client)).param("email", "someone@example.org"))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"));
        mvc.perform(ask(client, question(marker()))).andExpect(status().isCreated());
    }

    @Test
    void theSixtyFirstSearchOfAMinuteGets429AndOtherLimitsAreUntouched() throws Exception {
        // the 59 seeded searches and the two below fall in the same minute
        await().atMost(Duration.ofSeconds(20)).until(() -> Instant.now().atZone(ZoneOffset.UTC).getSecond() < 45);
        String client = fresh();
        jdbc.update("insert into rate_limit (action, client, time_window, window_start, hits) values (?, ?, 'MINUTE', ?, ?)",
                "SEARCH", client, Timestamp.from(Instant.now().truncatedTo(ChronoUnit.MINUTES)), 59);
        mvc.perform(get("/search").with(from(client)).param("q", "palsy")).andExpect(status().isOk());

        MvcResult refused = mvc.perform(get("/search").with(from(client)).param("q", "palsy"))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"))
                .andReturn();
        assertThat(Long.parseLong(refused.getResponse().getHeader("Retry-After"))).isBetween(1L, 60L);
        assertThat(refused.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("Too many searches from your address");

        mvc.perform(get("/search").with(from(fresh())).param("q", "palsy")).andExpect(status().isOk());
        mvc.perform(ask(client, question(marker()))).andExpect(status().isCreated());   // asking is counted apart
    }

    /** Without server.forward-headers-strategy anyone could claim any address: the header is not trusted. */
    @Test
    void xForwardedForIsIgnoredUnlessForwardHeadersAreConfigured() throws Exception {
        seed("ASK", "127.0.0.1", 20);
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder()
                            .uri(URI.create("http://127.0.0.1:" + port + "/api/questions"))
                            .header("Content-Type", "application/json")
                            .header("X-Forwarded-For", fresh())
                            .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(question(marker()))))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(429);
            assertThat(response.headers().firstValue("Retry-After")).isPresent();
        } finally {
            jdbc.update("delete from rate_limit where client = '127.0.0.1' and time_window = 'DAY'");
        }
    }

    private void assertNothingStoredOrPublished(String marker) throws Exception {
        assertThat(rowsWith(jdbc, marker)).isZero();
        String body = mvc.perform(ask(fresh(), question(marker()))).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        UUID later = UUID.fromString(json.readTree(body).get("id").asText());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(probe.events(QuestionSubmitted.class, later)).hasSize(1));
        assertThat(anyRecordContains(bootstrapServers, Topics.QUESTION_SUBMITTED, marker)).isFalse();
    }

    private MockHttpServletRequestBuilder ask(String client, Map<String, Object> question) throws Exception {
        return post("/api/questions").with(from(client)).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsBytes(question));
    }

    /** The client has used up this much of today already. */
    private void seed(String action, String client, int hits) {
        jdbc.update("insert into rate_limit (action, client, time_window, window_start, hits) values (?, ?, 'DAY', ?, ?)",
                action, client, Timestamp.from(Instant.now().truncatedTo(ChronoUnit.DAYS)), hits);
    }

    private int hits(String client, String window) {
        return jdbc.queryForObject("select hits from rate_limit where action = 'ASK' and client = ? and time_window = ?",
                Integer.class, client, window);
    }
}
