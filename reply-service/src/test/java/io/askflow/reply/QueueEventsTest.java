package io.askflow.reply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.askflow.events.Specialty;
import io.askflow.reply.doctor.Doctor;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/** The queue page's server-sent events: a refresh when the doctor's specialties' queues change. */
@ReplyServiceTest
class QueueEventsTest {

    private static final String REFRESH = "event:refresh";

    @Autowired Scenario scenario;
    @Autowired MockMvc mvc;

    @Test
    void doctorsOfTheSpecialtyAreToldWhenAQuestionArrivesAndWhenItIsTaken() throws Exception {
        Doctor ye = scenario.doctor("Ye", Specialty.NEUROLOGY);
        Doctor rehab = scenario.doctor("Rehab", Specialty.REHABILITATION);
        MockHttpServletResponse neurologyStream = subscribe(login(ye));
        MockHttpServletResponse rehabilitationStream = subscribe(login(rehab));

        UUID id = scenario.openQuestion(Specialty.NEUROLOGY).questionId();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(neurologyStream.getContentAsString())
                        .containsPattern(REFRESH + "\ndata:[a-z,-]*neurology"));
        int refreshes = count(neurologyStream);

        mvc.perform(post("/api/questions/{id}/claim", id).with(httpBasic(ye.username(), Scenario.PASSWORD)))
                .andExpect(status().isOk());
        await().atMost(Duration.ofSeconds(30)).until(() -> count(neurologyStream) > refreshes);

        assertThat(rehabilitationStream.getContentAsString()).doesNotContain(REFRESH);
    }

    @Test
    void theStreamNeedsALogin() throws Exception {
        mvc.perform(get("/queue/events").accept(MediaType.TEXT_EVENT_STREAM))
                .andExpect(status().is3xxRedirection());
    }

    private MockHttpServletResponse subscribe(MockHttpSession session) throws Exception {
        MockHttpServletResponse response = mvc.perform(get("/queue/events").session(session)
                        .accept(MediaType.TEXT_EVENT_STREAM))
                .andExpect(request().asyncStarted())
                .andReturn().getResponse();
        assertThat(response.getContentType()).startsWith(MediaType.TEXT_EVENT_STREAM_VALUE);
        return response;
    }

    private MockHttpSession login(Doctor doctor) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin("/login").user(doctor.username()).password(Scenario.PASSWORD))
                .andReturn().getRequest().getSession(false);
    }

    private static int count(MockHttpServletResponse stream) throws Exception {
        return stream.getContentAsString().split(REFRESH, -1).length - 1;
    }
}
