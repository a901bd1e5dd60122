package io.askflow.reply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsStringIgnoringCase;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.askflow.events.QuestionSubmitted;
import io.askflow.events.QuestionWithdrawn;
import io.askflow.events.Specialty;
import io.askflow.events.Topics;
import io.askflow.reply.doctor.Doctor;
import io.askflow.testsupport.Fixtures;
import io.askflow.testsupport.KafkaProbe;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

@ReplyServiceTest
class WithdrawnTest {

    private static final String REPLY = "Dear Mei, this sounds like Bell's palsy. Please see a doctor today.";

    @Autowired KafkaProbe kafka;
    @Autowired QueueItems items;
    @Autowired Scenario scenario;
    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;

    @Test
    void aWithdrawnQuestionLeavesTheQueueAndCannotBeClaimed() throws Exception {
        Doctor ye = scenario.doctor("Ye", Specialty.NEUROLOGY);
        UUID id = scenario.openQuestion(Specialty.NEUROLOGY).questionId();

        kafka.send(withdrawn(id));
        scenario.awaitStatus(id, QueueItem.Status.WITHDRAWN);

        mvc.perform(get("/api/queue").with(httpBasic(ye.username(), Scenario.PASSWORD)))
                .andExpect(jsonPath("$[?(@.id == '%s')]", id).isEmpty());
        mvc.perform(post("/api/questions/{id}/claim", id).with(httpBasic(ye.username(), Scenario.PASSWORD)))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail", containsStringIgnoringCase("the patient withdrew this question")));
        assertThat(items.find(id).orElseThrow().status()).isEqualTo(QueueItem.Status.WITHDRAWN);
    }

    @Test
    void aClaimedQuestionWithdrawnMeanwhileTakesNoReply() throws Exception {
        Doctor ye = scenario.doctor("Ye", Specialty.NEUROLOGY);
        UUID id = scenario.openQuestion(Specialty.NEUROLOGY).questionId();
        mvc.perform(post("/api/questions/{id}/claim", id).with(httpBasic(ye.username(), Scenario.PASSWORD)))
                .andExpect(status().isOk());

        kafka.send(withdrawn(id));
        scenario.awaitStatus(id, QueueItem.Status.WITHDRAWN);

        mvc.perform(get("/api/questions/mine").with(httpBasic(ye.username(), Scenario.PASSWORD)))
                .andExpect(jsonPath("$[?(@.id == '%s')]", id).isEmpty());
        mvc.perform(post("/api/questions/{id}/reply", id).with(httpBasic(ye.username(), Scenario.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"body\":\"" + REPLY + "\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", containsStringIgnoringCase("the patient withdrew this question")));
        assertThat(jdbc.queryForObject("select count(*) from reply where question_id = ?", Integer.class, id))
                .isZero();
    }

    @Test
    void aWithdrawalBeforeTheQuestionArrivesKeepsItOutOfTheQueue() throws Exception {
        QuestionSubmitted submitted = Fixtures.questionSubmitted(Specialty.NEUROLOGY);
        UUID id = submitted.questionId();

        kafka.send(withdrawn(id));
        scenario.awaitStatus(id, QueueItem.Status.WITHDRAWN);
        kafka.send(submitted);
        kafka.send(Fixtures.questionRouted(id, Specialty.NEUROLOGY));
        await().atMost(Duration.ofSeconds(30)).until(() -> items.find(id).map(QueueItem::title).isPresent());
        UUID marker = scenario.questionOnSamePartitionAs(id);
        kafka.send(Fixtures.questionRouted(marker, Specialty.NEUROLOGY));
        scenario.awaitStatus(marker, QueueItem.Status.OPEN);

        QueueItem item = items.find(id).orElseThrow();
        assertThat(item.status()).isEqualTo(QueueItem.Status.WITHDRAWN);
        assertThat(item.specialty()).isNull();
    }

    @Test
    void theSameWithdrawalTwiceIsAppliedOnce() {
        UUID id = scenario.openQuestion(Specialty.NEUROLOGY).questionId();
        QuestionWithdrawn withdrawal = withdrawn(id);
        kafka.send(withdrawal);
        scenario.awaitStatus(id, QueueItem.Status.WITHDRAWN);
        // were the redelivery applied again, it would withdraw the question once more
        jdbc.update("update queue_item set status = 'OPEN' where question_id = ?", id);

        kafka.send(withdrawal);
        UUID marker = scenario.questionOnSamePartitionAs(id);
        kafka.send(withdrawn(marker));
        scenario.awaitStatus(marker, QueueItem.Status.WITHDRAWN);

        assertThat(items.find(id).orElseThrow().status()).isEqualTo(QueueItem.Status.OPEN);
    }

    @Test
    void aMalformedWithdrawalIsDeadLetteredAndLaterOnesStillFlow() {
        String key = UUID.randomUUID().toString();
        kafka.sendRaw(Topics.QUESTION_WITHDRAWN, key, "not json".getBytes(StandardCharsets.UTF_8));
        kafka.sendRaw(Topics.QUESTION_WITHDRAWN, key, "{\"eventId\":null}".getBytes(StandardCharsets.UTF_8));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(kafka.records(Topics.deadLetter(Topics.QUESTION_WITHDRAWN), key)).hasSize(2));
        UUID id = scenario.openQuestion(Specialty.NEUROLOGY).questionId();
        kafka.send(withdrawn(id));
        scenario.awaitStatus(id, QueueItem.Status.WITHDRAWN);
    }

    private static QuestionWithdrawn withdrawn(UUID questionId) {
        return new QuestionWithdrawn(UUID.randomUUID(), questionId, Instant.now());
    }
}
