package io.askflow.question.ask;

import static io.askflow.question.Patients.assertNothingStoredOrPublished;
import static io.askflow.question.Patients.marker;
import static io.askflow.question.Patients.question;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import io.askflow.testsupport.AskflowIntegrationTest;
import io.askflow.testsupport.KafkaProbe;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A question sent while the database refuses connections (a real outage of this module's database: connections
 * forbidden and the open ones ended) is answered 503 with {@code Retry-After}, stores nothing, and the form keeps
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
        try (Outage outage = Outage.of(dataSource, jdbc.queryForObject("select current_database()", String.class))) {
            mvc.perform(post("/api/questions").contentType(MediaType.APPLICATION_JSON)
                            .content(json.writeValueAsBytes(question(apiMarker))))
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(header().string("Retry-After", "60"))
                    .andExpect(jsonPath("$.title").value("Temporarily unavailable"))
                    .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("nothing")))
                    .andExpect(content().string(org.hamcrest.Matchers.not(
                            org.hamcrest.Matchers.containsString("@example.org"))));
            page = mvc.perform(post("/ask").with(csrf()).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                            .param("nickname", "Mei").param("email", "mei." + formMarker + "@example.org")
                            .param("ageRange", "30~39").param("gender", "female")
                            .param("title", "Face droops " + formMarker)
                            .param("body", "My face has drooped since this morning " + formMarker))
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(header().string("Retry-After", "60"))
                    .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        }
        assertThat(page).contains("We could not save your question just now, and nothing was stored")
                .contains("Face droops " + formMarker).contains("My face has drooped since this morning " + formMarker);
        // back up: neither question was stored or published, and a new one is (the helper asks it)
        assertNothingStoredOrPublished(mvc, json, probe, jdbc, bootstrapServers, apiMarker);
        assertNothingStoredOrPublished(mvc, json, probe, jdbc, bootstrapServers, formMarker);
    }

    /**
     * This module's own database refuses every new connection, and the open ones are ended, until closed. Closing
     * also drops the pool's connections that the outage ended: a service finds them broken one by one (each fails
     * one request, answered 503), and the assertions after the outage are about what was stored, not about that.
     */
    private record Outage(HikariDataSource dataSource, Connection admin, String database) implements AutoCloseable {

        static Outage of(HikariDataSource dataSource, String database) throws SQLException {
            String url = dataSource.getJdbcUrl().replaceFirst("/" + database + "(?=\\?|$)", "/postgres");
            Connection admin = DriverManager.getConnection(url, dataSource.getUsername(), dataSource.getPassword());
            try (Statement sql = admin.createStatement()) {
                sql.execute("alter database \"" + database + "\" allow_connections false");
                sql.execute("select pg_terminate_backend(pid) from pg_stat_activity where datname = '" + database
                        + "' and pid <> pg_backend_pid()");
            }
            return new Outage(dataSource, admin, database);
        }

        @Override
        public void close() throws SQLException {
            try (admin; Statement sql = admin.createStatement()) {
                sql.execute("alter database \"" + database + "\" allow_connections true");
            }
            dataSource.getHikariPoolMXBean().softEvictConnections();
        }
    }
}
