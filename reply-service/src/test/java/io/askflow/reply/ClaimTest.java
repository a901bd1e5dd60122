package io.askflow.reply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.askflow.events.QuestionClaimed;
import io.askflow.events.QuestionReleased;
import io.askflow.events.Specialty;
import io.askflow.reply.doctor.Doctor;
import io.askflow.testsupport.KafkaProbe;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

@ReplyServiceTest
class ClaimTest {

    private static final int CLAIMERS = 10;

    @Autowired KafkaProbe kafka;
    @Autowired QueueItems items;
    @Autowired Scenario scenario;
    @Autowired MockMvc mvc;

    @Test
    void manyClaimsAtOnceHaveExactlyOneWinnerAndOneEvent() throws Exception {
        Doctor ye = scenario.doctor("Ye", Specialty.NEUROLOGY);
        Doctor lin = scenario.doctor("Lin", Specialty.NEUROLOGY);
        UUID id = scenario.openQuestion(Specialty.NEUROLOGY).questionId();

        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(CLAIMERS);
        List<Future<Integer>> statuses = new ArrayList<>();
        for (int i = 0; i < CLAIMERS; i++) {
            Doctor claimer = i % 2 == 0 ? ye : lin;
            statuses.add(pool.submit(() -> {
                start.await();
                return mvc.perform(post("/api/questions/{id}/claim", id)
                                .with(httpBasic(claimer.username(), Scenario.PASSWORD)))
                        .andReturn().getResponse().getStatus();
            }));
        }
        start.countDown();
        List<Integer> results = new ArrayList<>();
        for (Future<Integer> status : statuses) {
            results.add(status.get());
        }
        pool.shutdown();

        assertThat(results).filteredOn(s -> s == 200).hasSize(1);
        assertThat(results).filteredOn(s -> s == 409).hasSize(CLAIMERS - 1);
        QueueItem item = items.find(id).orElseThrow();
        assertThat(item.status()).isEqualTo(QueueItem.Status.CLAIMED);
        await().atMost(Duration.ofSeconds(30)).during(Duration.ofSeconds(2)).untilAsserted(() ->
                assertThat(kafka.events(QuestionClaimed.class, id)).singleElement()
                        .satisfies(claimed -> {
                            assertThat(claimed.doctorId()).isEqualTo(item.claimedBy());
                            assertThat(claimed.specialty()).isEqualTo(Specialty.NEUROLOGY);
                        }));
    }

    @Test
    void aClaimOnAHeldQuestionIsAProblemConflict() throws Exception {
        Doctor ye = scenario.doctor("Ye", Specialty.NEUROLOGY);
        Doctor lin = scenario.doctor("Lin", Specialty.NEUROLOGY);
        UUID id = scenario.openQuestion(Specialty.NEUROLOGY).questionId();

        mvc.perform(post("/api/questions/{id}/claim", id).with(httpBasic(ye.username(), Scenario.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.questionId").value(id.toString()))
                .andExpect(jsonPath("$.doctorName").value("Dr. Ye"));
        mvc.perform(post("/api/questions/{id}/claim", id).with(httpBasic(lin.username(), Scenario.PASSWORD)))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/questions/mine").with(httpBasic(ye.username(), Scenario.PASSWORD)))
                .andExpect(jsonPath("$[?(@.id == '%s')].status", id).value("CLAIMED"));
    }

    @Test
    void anotherSpecialtysQuestionIsForbiddenAndAnUnknownOneNotFound() throws Exception {
        Doctor heart = scenario.doctor("Heart", Specialty.CARDIOLOGY);
        UUID id = scenario.openQuestion(Specialty.NEUROLOGY).questionId();

        mvc.perform(post("/api/questions/{id}/claim", id).with(httpBasic(heart.username(), Scenario.PASSWORD)))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/questions/{id}", id).with(httpBasic(heart.username(), Scenario.PASSWORD)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/queue").with(httpBasic(heart.username(), Scenario.PASSWORD)))
                .andExpect(jsonPath("$[?(@.id == '%s')]", id).isEmpty());
        mvc.perform(post("/api/questions/{id}/claim", UUID.randomUUID())
                        .with(httpBasic(heart.username(), Scenario.PASSWORD)))
                .andExpect(status().isNotFound());
        assertThat(items.find(id).orElseThrow().status()).isEqualTo(QueueItem.Status.OPEN);
    }

    @Test
    void theApiNeedsCredentialsAndSaysSoAsAProblem() throws Exception {
        mvc.perform(get("/api/queue"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", startsWith("Basic")))
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(401))
                .andExpect(jsonPath("$.title").value("Unauthorized"))
                .andExpect(jsonPath("$.instance").value("/api/queue"));
        mvc.perform(post("/api/questions/{id}/claim", UUID.randomUUID()))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/queue").with(httpBasic("dr.nobody", "wrong")))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", startsWith("Basic")))
                .andExpect(jsonPath("$.status").value(401));
    }

    @Test
    void aLoginThatIsNoDoctorIsForbiddenAsAProblem() throws Exception {
        mvc.perform(get("/api/queue").with(user("auditor").roles("AUDITOR")))
                .andExpect(status().isForbidden())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(403))
                .andExpect(jsonPath("$.title").value("Forbidden"));
    }

    @Test
    void aClientThatKeepsTheSessionCookieIsNotAskedAgain() throws Exception {
        Doctor ye = scenario.doctor("Ye", Specialty.NEUROLOGY);
        MockHttpSession session = (MockHttpSession) mvc.perform(get("/api/queue")
                        .with(httpBasic(ye.username(), Scenario.PASSWORD)))
                .andExpect(status().isOk())
                .andReturn().getRequest().getSession(false);
        assertThat(session).isNotNull();

        mvc.perform(get("/api/queue").session(session)).andExpect(status().isOk());
        UUID id = scenario.openQuestion(Specialty.NEUROLOGY).questionId();
        mvc.perform(post("/api/questions/{id}/claim", id).session(session)).andExpect(status().isOk());
    }

    @Test
    void releaseGivesTheQuestionBackAndTellsTheWorkflow() throws Exception {
        Doctor ye = scenario.doctor("Ye", Specialty.NEUROLOGY);
        Doctor lin = scenario.doctor("Lin", Specialty.NEUROLOGY);
        UUID id = scenario.openQuestion(Specialty.NEUROLOGY).questionId();
        mvc.perform(post("/api/questions/{id}/claim", id).with(httpBasic(ye.username(), Scenario.PASSWORD)))
                .andExpect(status().isOk());

        mvc.perform(post("/api/questions/{id}/release", id).with(httpBasic(lin.username(), Scenario.PASSWORD)))
                .andExpect(status().isConflict());
        mvc.perform(post("/api/questions/{id}/release", id).with(httpBasic(ye.username(), Scenario.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"Needs a neurosurgeon\"}"))
                .andExpect(status().isNoContent());

        assertThat(items.find(id).orElseThrow().status()).isEqualTo(QueueItem.Status.OPEN);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(kafka.events(QuestionReleased.class, id)).singleElement().satisfies(released -> {
                    assertThat(released.doctorId()).isEqualTo(ye.id());
                    assertThat(released.reason()).isEqualTo("Needs a neurosurgeon");
                }));
        mvc.perform(post("/api/questions/{id}/claim", id).with(httpBasic(lin.username(), Scenario.PASSWORD)))
                .andExpect(status().isOk());
    }
}
