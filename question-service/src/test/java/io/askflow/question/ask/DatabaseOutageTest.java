package io.askflow.question.ask;

import static io.askflow.question.Patients.assertNothingStoredOrPublished;
import static io.askflow.question.Patients.marker;
import static io.askflow.question.Patients.question;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import io.askflow.testsupport.AskflowIntegrationTest;
import io.askflow.testsupport.DatabaseOutage;
import io.askflow.testsupport.KafkaProbe;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A question sent while the database refuses connections (a real outage of this module's database,
 * {@link DatabaseOutage}) is answered 503 with {@code Retry-After}, stores nothing, and the form keeps
 * what the patient wrote; once the database is back, questions are stored again. A short pool timeout keeps the
 * test quick; in production a request waits up to 30 s for a connection first.
 */
@AskflowIntegrationTest(properties = "spring.datasource.hikari.connection-timeout=1000")
@DirtiesContext
class DatabaseOutageTest {

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired KafkaProbe probe;
    @Autowired JdbcTemplate jdbc;
    @Autowired HikariDataSource dataSource;
    @Value("${spring.kafka.bootstrap-servers}") String bootstrapServers;

    @Test
    void questionsSentDuringAnOutageGet503KeepTheFormAndStoreNothing() throws Exception {
        String apiMarker = marker();
        String formMarker = marker();
        String page;
        try (DatabaseOutage outage = DatabaseOutage.begin()) {
            mvc.perform(post("/api/questions").contentType(MediaType.APPLICATION_JSON)
                            .content(json.writeValueAsBytes(question(apiMarker))))
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(header().string("Retry-After", "60"))
                    .andExpect(jsonPath("$.title").value("Temporarily unavailable"))
                    .andExpect(jsonPath("$.detail").value(containsString("nothing")))
                    .andExpect(content().string(not(containsString("@example.org"))));
            page = mvc.perform(post("/ask").with(csrf()).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                            .param("nickname", "Mei").param("email", "mei." + formMarker + "@example.org")
                            .param("ageRange", "30~39").param("gender", "female")
                            .param("title", "Face droops " + formMarker)
                            .param("body", "My face has drooped since this morning " + formMarker))
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(header().string("Retry-After", "60"))
                    .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        }
        // the connections the outage ended would each fail one more request: the assertions below are about storage
        dataSource.getHikariPoolMXBean().softEvictConnections();
        assertThat(page).contains("We could not save your question just now, and nothing was stored")
                .contains("Face droops " + formMarker).contains("My face has drooped since this morning " + formMarker);
        // back up: neither question was stored or published, and a new one is (the helper asks it)
        assertNothingStoredOrPublished(mvc, json, probe, jdbc, bootstrapServers, apiMarker);
        assertNothingStoredOrPublished(mvc, json, probe, jdbc, bootstrapServers, formMarker);
    }
}
