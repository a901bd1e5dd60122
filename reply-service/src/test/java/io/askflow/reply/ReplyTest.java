package io.askflow.reply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.askflow.events.ReplyPosted;
import io.askflow.events.Specialty;
import io.askflow.reply.doctor.Doctor;
import io.askflow.testsupport.KafkaProbe;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;

@ReplyServiceTest
class ReplyTest {

    private static final String REPLY = "Dear Mei, this sounds like Bell's palsy. Please see a doctor today.";

    @Autowired KafkaProbe kafka;
    @Autowired QueueItems items;
    @Autowired Scenario scenario;
    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;
    @Autowired ObjectMapper json;

    @Test
    void onlyTheHolderCanReplyAndTheReplyIsPublished() throws Exception {
        Doctor ye = scenario.doctor("Ye", Specialty.NEUROLOGY);
        Doctor lin = scenario.doctor("Lin", Specialty.NEUROLOGY);
        UUID id = scenario.openQuestion(Specialty.NEUROLOGY).questionId();

        mvc.perform(reply(id, lin, REPLY)).andExpect(status().isConflict());
        mvc.perform(post("/api/questions/{id}/claim", id).with(httpBasic(ye.username(), Scenario.PASSWORD)))
                .andExpect(status().isOk());
        mvc.perform(reply(id, lin, REPLY))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        assertThat(storedReplies(id)).isZero();
        assertThat(items.find(id).orElseThrow().status()).isEqualTo(QueueItem.Status.CLAIMED);

        String replyId = json.readTree(mvc.perform(reply(id, ye, REPLY))
                .andExpect(status().isAccepted())
                .andReturn().getResponse().getContentAsString()).get("replyId").asText();

        assertThat(storedReplies(id)).isEqualTo(1);
        assertThat(items.find(id).orElseThrow().status()).isEqualTo(QueueItem.Status.ANSWERED);
        await().atMost(Duration.ofSeconds(30)).during(Duration.ofSeconds(1)).untilAsserted(() ->
                assertThat(kafka.events(ReplyPosted.class, id)).singleElement().satisfies(posted -> {
                    assertThat(posted.replyId()).hasToString(replyId);
                    assertThat(posted.doctorId()).isEqualTo(ye.id());
                    assertThat(posted.doctorName()).isEqualTo("Dr. Ye");
                    assertThat(posted.specialty()).isEqualTo(Specialty.NEUROLOGY);
                    assertThat(posted.body()).isEqualTo(REPLY);
                }));
        mvc.perform(reply(id, ye, REPLY)).andExpect(status().isConflict());
    }

    @Test
    void aReplyOfTheWrongLengthIsRefusedFieldByField() throws Exception {
        Doctor ye = scenario.doctor("Ye", Specialty.NEUROLOGY);
        UUID id = scenario.openQuestion(Specialty.NEUROLOGY).questionId();
        mvc.perform(post("/api/questions/{id}/claim", id).with(httpBasic(ye.username(), Scenario.PASSWORD)))
                .andExpect(status().isOk());

        mvc.perform(reply(id, ye, "Too short"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("body"));
        mvc.perform(reply(id, ye, "x".repeat(10_001)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("body"));
        assertThat(storedReplies(id)).isZero();
        assertThat(items.find(id).orElseThrow().status()).isEqualTo(QueueItem.Status.CLAIMED);
    }

    private RequestBuilder reply(UUID id, Doctor doctor, String body)
            throws Exception {
        return post("/api/questions/{id}/reply", id).with(httpBasic(doctor.username(), Scenario.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(Map.of("body", body)));
    }

    private int storedReplies(UUID questionId) {
        return jdbc.queryForObject("select count(*) from reply where question_id = ?", Integer.class, questionId);
    }
}
