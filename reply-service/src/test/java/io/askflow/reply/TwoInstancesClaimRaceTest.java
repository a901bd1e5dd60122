package io.askflow.reply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.askflow.events.QuestionClaimed;
import io.askflow.events.Specialty;
import io.askflow.reply.doctor.Doctor;
import io.askflow.testsupport.KafkaProbe;
import io.askflow.testsupport.TestInfrastructure;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Claims spread over two reply-service instances that share the database: this test's context (through
 * MockMvc) and a second instance started here (through real HTTP). The database alone picks the winner.
 */
@ReplyServiceTest
class TwoInstancesClaimRaceTest {

    private static final int CLAIMERS_PER_INSTANCE = 6;

    private static ConfigurableApplicationContext second;

    @Autowired KafkaProbe kafka;
    @Autowired QueueItems items;
    @Autowired Scenario scenario;
    @Autowired MockMvc mvc;

    @BeforeAll
    static void startSecondInstance() {
        second = new SpringApplicationBuilder(ReplyServiceApplication.class)
                .profiles("demo")
                .initializers(new TestInfrastructure())
                // arguments, not default properties: application.yml's server.port would win over those
                .run("--server.port=0", "--spring.kafka.listener.auto-startup=false");
    }

    @AfterAll
    static void stopSecondInstance() {
        if (second != null) {
            second.close();
        }
    }

    @Test
    void exactlyOneClaimWinsAcrossInstances() throws Exception {
        Doctor ye = scenario.doctor("Ye", Specialty.NEUROLOGY);
        Doctor lin = scenario.doctor("Lin", Specialty.NEUROLOGY);
        UUID id = scenario.openQuestion(Specialty.NEUROLOGY).questionId();
        URI secondInstance = URI.create("http://127.0.0.1:" + second.getEnvironment().getProperty("local.server.port")
                + "/api/questions/" + id + "/claim");
        HttpClient http = HttpClient.newHttpClient();

        CountDownLatch start = new CountDownLatch(1);
        List<Callable<Integer>> claims = new ArrayList<>();
        for (int i = 0; i < CLAIMERS_PER_INSTANCE; i++) {
            Doctor claimer = i % 2 == 0 ? ye : lin;
            claims.add(() -> {
                start.await();
                return mvc.perform(post("/api/questions/{id}/claim", id)
                        .with(httpBasic(claimer.username(), Scenario.PASSWORD))).andReturn().getResponse().getStatus();
            });
            claims.add(() -> {
                start.await();
                HttpRequest request = HttpRequest.newBuilder(secondInstance)
                        .header("Authorization", basic(claimer.username()))
                        .POST(HttpRequest.BodyPublishers.noBody()).build();
                return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(claims.size());
        List<Future<Integer>> futures = claims.stream().map(pool::submit).toList();
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> future : futures) {
            statuses.add(future.get());
        }
        pool.shutdown();

        assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(claims.size() - 1);
        UUID winner = items.find(id).orElseThrow().claimedBy();
        await().atMost(Duration.ofSeconds(30)).during(Duration.ofSeconds(2)).untilAsserted(() ->
                assertThat(kafka.events(QuestionClaimed.class, id)).singleElement()
                        .extracting(QuestionClaimed::doctorId).isEqualTo(winner));
    }

    private static String basic(String username) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + Scenario.PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
    }
}
