package io.askflow.workflow.config;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.askflow.testsupport.AskflowIntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * A blank operator password means no operator login: the engine and timeline APIs refuse everyone, also the
 * passwords the operator had before. Workflow starts so only with Cockpit off (CockpitAdminUser).
 */
@AskflowIntegrationTest(properties = {
        "askflow.security.admin.password=",
        "camunda.bpm.webapp.enabled=false",
        "camunda.bpm.job-execution.enabled=false",
        "spring.kafka.listener.auto-startup=false"})
@DirtiesContext
class NoOperatorLoginTest {

    @Autowired MockMvc mvc;

    @Test
    void engineAndTimelineRefuseEveryone() throws Exception {
        mvc.perform(get("/api/engine").with(from("10.76.0.1")))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/engine").with(httpBasic("admin", "test-operator-password")).with(from("10.76.0.2")))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/api/questions/{id}/timeline", UUID.randomUUID()).with(httpBasic("admin", ""))
                        .with(from("10.76.0.3")))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void theRoutingSuggestionStaysOpen() throws Exception {
        mvc.perform(get("/api/routing/suggest").param("title", "Toothache at night"))
                .andExpect(status().isOk());
    }

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }
}
