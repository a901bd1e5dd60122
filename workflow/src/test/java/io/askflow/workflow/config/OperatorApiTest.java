package io.askflow.workflow.config;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.askflow.testsupport.AskflowIntegrationTest;
import io.askflow.testsupport.Fixtures;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The engine and timeline APIs need the operator login (the test configuration's {@code admin} /
 * {@code test-operator-password}); the routing suggestion and health stay open. The throttle's counts are shared
 * with the other test classes of this run (CockpitLoginThrottleTest logs in as {@code admin}), so failures here
 * come from addresses of their own (10.77.x) and at most one is the operator's.
 */
@AskflowIntegrationTest(properties = "camunda.bpm.job-execution.enabled=false")
class OperatorApiTest {

    private static final String OPERATOR = "admin";
    private static final String PASSWORD = "test-operator-password";
    private static final AtomicInteger NEXT_ADDRESS = new AtomicInteger(1);

    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;

    @Test
    void engineAndTimelineAnswerTheOperator() throws Exception {
        UUID questionId = questionReleasedBy("dr.ye");

        mvc.perform(get("/api/engine").with(httpBasic(OPERATOR, PASSWORD)).with(from(newAddress())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.historyLevel").value("activity"));
        mvc.perform(timeline(questionId).with(httpBasic(OPERATOR, PASSWORD)).with(from(newAddress())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].step").value("RELEASED"))
                .andExpect(jsonPath("$[0].detail").value("dr.ye: wrong specialty"));
    }

    @Test
    void withoutCredentialsBothAreAProblemWithABasicChallenge() throws Exception {
        UUID questionId = questionReleasedBy("dr.lin");

        refused(mvc.perform(get("/api/engine").with(from(newAddress()))));
        refused(mvc.perform(timeline(questionId).with(from(newAddress()))))
                .andExpect(content().string(not(containsString("dr.lin"))));
    }

    @Test
    void wrongCredentialsAreRefusedAlike() throws Exception {
        UUID questionId = questionReleasedBy("dr.ye");
        String address = newAddress();

        refused(mvc.perform(get("/api/engine").with(httpBasic("nobody-" + UUID.randomUUID(), PASSWORD))
                .with(from(address))));
        refused(mvc.perform(timeline(questionId).with(httpBasic(OPERATOR, "wrong-" + UUID.randomUUID()))
                .with(from(address))));
    }

    @Test
    void tenFailedLoginsFromAnAddressRefuseEvenTheOperatorThereOthersAreNot() throws Exception {
        String address = newAddress();
        for (int i = 0; i < 10; i++) {
            refused(mvc.perform(get("/api/engine").with(httpBasic("guess-" + UUID.randomUUID(), "guess"))
                    .with(from(address))));
        }

        mvc.perform(get("/api/engine").with(httpBasic(OPERATOR, PASSWORD)).with(from(address)))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", matchesPattern("(8[4-9][0-9]|900)")))
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Too many failed logins"));
        mvc.perform(get("/api/engine").with(httpBasic(OPERATOR, PASSWORD)).with(from(newAddress())))
                .andExpect(status().isOk());
    }

    @Test
    void theRoutingSuggestionAndHealthStayOpen() throws Exception {
        mvc.perform(get("/api/routing/suggest").param("title", Fixtures.BELLS_PALSY_TITLE)
                        .param("body", Fixtures.BELLS_PALSY_BODY + "\nSince this morning."))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.wouldRouteTo").value("NEUROLOGY"));
        mvc.perform(post("/api/routing/suggest").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\": \"Toothache at night\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.specialty").value("DENTISTRY"));
        mvc.perform(get("/actuator/health")).andExpect(status().isOk());
    }

    private static ResultActions refused(ResultActions response) throws Exception {
        return response.andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", matchesPattern("Basic realm=\".+\"")))
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(401));
    }

    /** A question whose timeline has one step, written as the process would (a release with its reason). */
    private UUID questionReleasedBy(String doctor) {
        UUID questionId = UUID.randomUUID();
        jdbc.update("insert into question_step (question_id, step, at, detail) values (?, 'RELEASED', ?, ?)",
                questionId, Timestamp.from(Instant.now()), doctor + ": wrong specialty");
        return questionId;
    }

    private static MockHttpServletRequestBuilder timeline(UUID questionId) {
        return get("/api/questions/{id}/timeline", questionId);
    }

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    private static String newAddress() {
        int n = NEXT_ADDRESS.getAndIncrement();
        return "10.77." + (n / 250) + "." + (n % 250 + 1);
    }
}
