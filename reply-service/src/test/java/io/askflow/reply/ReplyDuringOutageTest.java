package io.askflow.reply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.zaxxer.hikari.HikariDataSource;
import io.askflow.events.ReplyPosted;
import io.askflow.events.Specialty;
import io.askflow.reply.doctor.Doctor;
import io.askflow.testsupport.AskflowIntegrationTest;
import io.askflow.testsupport.DatabaseOutage;
import io.askflow.testsupport.KafkaProbe;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A reply sent while the database refuses connections ({@link DatabaseOutage}) is not lost: the doctor gets it
 * back with a button to send it again (503), nothing is stored or published, and sent again once the database is
 * back it is posted once. A short pool timeout keeps the test quick.
 */
@AskflowIntegrationTest(properties = "spring.datasource.hikari.connection-timeout=1000")
@ActiveProfiles("demo")
@Import(Scenario.class)
@DirtiesContext
class ReplyDuringOutageTest {

    private static final String REPLY = "Dear Mei, this sounds like a facial nerve palsy. Please see a doctor today.";

    @Autowired Scenario scenario;
    @Autowired QueueItems items;
    @Autowired KafkaProbe kafka;
    @Autowired MockMvc mvc;
    @Autowired HikariDataSource dataSource;

    @Test
    void aReplySentDuringAnOutageComesBackToTheDoctorAndIsPostedOnceSentAgain() throws Exception {
        Doctor ye = scenario.doctor("Ye", Specialty.NEUROLOGY);
        UUID id = scenario.openQuestion(Specialty.NEUROLOGY).questionId();
        MockHttpSession session = login(ye);
        mvc.perform(post("/questions/{id}/claim", id).session(session).with(csrf()))
                .andExpect(redirectedUrl("/questions/" + id));

        String page;
        try (DatabaseOutage outage = DatabaseOutage.begin()) {
            page = mvc.perform(post("/questions/{id}/reply", id).session(session).with(csrf())
                            .param("body", REPLY).param("action", "send"))
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(header().string("Retry-After", "60"))
                    .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        }
        // the connections the outage ended would each fail one more request: what follows is about the reply
        dataSource.getHikariPoolMXBean().softEvictConnections();

        assertThat(page).contains("Your reply was not sent").contains(REPLY)
                .contains("action=\"/questions/" + id + "/reply\"").contains("name=\"_csrf\"");
        assertThat(items.find(id).orElseThrow().status()).isEqualTo(QueueItem.Status.CLAIMED);
        assertThat(kafka.events(ReplyPosted.class, id)).isEmpty();

        mvc.perform(post("/questions/{id}/reply", id).session(session).with(csrf())
                        .param("body", REPLY).param("action", "send"))
                .andExpect(redirectedUrl("/questions/" + id));
        assertThat(items.find(id).orElseThrow().status()).isEqualTo(QueueItem.Status.ANSWERED);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(kafka.events(ReplyPosted.class, id)).singleElement()
                        .satisfies(posted -> assertThat(posted.body()).isEqualTo(REPLY)));
    }

    private MockHttpSession login(Doctor doctor) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin("/login").user(doctor.username()).password(Scenario.PASSWORD))
                .andExpect(redirectedUrl("/queue"))
                .andReturn().getRequest().getSession(false);
    }
}
