package io.askflow.reply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.askflow.events.QuestionSubmitted;
import io.askflow.events.Specialty;
import io.askflow.reply.doctor.Doctor;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

@ReplyServiceTest
class PagesTest {

    private static final String REPLY = "Dear Mei, this sounds like Bell's palsy. Please see a doctor today.";

    @Autowired QueueItems items;
    @Autowired Scenario scenario;
    @Autowired MockMvc mvc;

    @Test
    void pagesNeedALogin() throws Exception {
        mvc.perform(get("/queue")).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("**/login"));
        mvc.perform(get("/login")).andExpect(status().isOk()).andExpect(content().string(containsString("_csrf")));
        mvc.perform(formLogin("/login").user("dr.ye").password("wrong"))
                .andExpect(redirectedUrl("/login?error"));
    }

    @Test
    void aDoctorLogsInClaimsPreviewsAndReplies() throws Exception {
        Doctor ye = scenario.doctor("Ye", Specialty.NEUROLOGY);
        QuestionSubmitted question = scenario.openQuestion(Specialty.NEUROLOGY);
        UUID id = question.questionId();
        MockHttpSession session = login(ye);

        mvc.perform(get("/queue").session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(question.title())))
                .andExpect(content().string(containsString("30~39, female")))
                .andExpect(content().string(not(containsString(question.contactEmail()))));

        mvc.perform(post("/questions/{id}/claim", id).session(session)).andExpect(status().isForbidden());
        assertThat(items.find(id).orElseThrow().status()).isEqualTo(QueueItem.Status.OPEN);
        mvc.perform(post("/questions/{id}/claim", id).session(session).with(csrf()))
                .andExpect(redirectedUrl("/questions/" + id));
        assertThat(items.find(id).orElseThrow().claimedBy()).isEqualTo(ye.id());
        mvc.perform(get("/questions/{id}", id).session(session))
                .andExpect(content().string(containsString("Wrong specialty? Send it to")));

        mvc.perform(post("/questions/{id}/reply", id).session(session).with(csrf())
                        .param("body", "short").param("action", "send"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("this one has 5")));
        mvc.perform(post("/questions/{id}/reply", id).session(session).with(csrf())
                        .param("body", REPLY).param("action", "preview"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"preview\"")));
        assertThat(items.find(id).orElseThrow().status()).isEqualTo(QueueItem.Status.CLAIMED);

        mvc.perform(post("/questions/{id}/reply", id).session(session).with(csrf())
                        .param("body", REPLY).param("action", "send"))
                .andExpect(redirectedUrl("/questions/" + id));
        assertThat(items.find(id).orElseThrow().status()).isEqualTo(QueueItem.Status.ANSWERED);
        mvc.perform(get("/questions/{id}", id).session(session))
                .andExpect(content().string(containsString("Bell&#39;s palsy. Please see a doctor today.")));
    }

    @Test
    void everyPageHasTheLayoutsHeadAndOneHeader() throws Exception {
        Doctor ye = scenario.doctor("Ye", Specialty.NEUROLOGY);
        QuestionSubmitted question = scenario.openQuestion(Specialty.NEUROLOGY);
        MockHttpSession session = login(ye);

        String queue = mvc.perform(get("/queue").session(session)).andReturn().getResponse().getContentAsString();
        String page = mvc.perform(get("/questions/{id}", question.questionId()).session(session))
                .andReturn().getResponse().getContentAsString();
        String login = mvc.perform(get("/login")).andReturn().getResponse().getContentAsString();

        assertThat(queue).containsOnlyOnce("<header").contains("<title>Askflow · Queue</title>",
                "href=\"/css/askflow.css\"", "Log out");
        assertThat(page).containsOnlyOnce("<header").contains("<title>Askflow · " + question.title() + "</title>",
                "href=\"/css/askflow.css\"", "Log out");
        assertThat(login).containsOnlyOnce("<header").contains("<title>Askflow doctors · Log in</title>",
                "href=\"/css/askflow.css\"").doesNotContain("Log out");
    }

    @Test
    void aDoctorOfAnotherSpecialtyCannotOpenTheQuestionPage() throws Exception {
        Doctor skin = scenario.doctor("Skin", Specialty.DERMATOLOGY);
        UUID id = scenario.openQuestion(Specialty.NEUROLOGY).questionId();
        mvc.perform(get("/questions/{id}", id).session(login(skin))).andExpect(status().isForbidden());
    }

    @Test
    void theQueueListsRefreshAsAFragment() throws Exception {
        Doctor lin = scenario.doctor("Lin", Specialty.NEUROLOGY);
        MockHttpSession session = login(lin);
        QuestionSubmitted question = scenario.openQuestion(Specialty.NEUROLOGY);
        mvc.perform(get("/queue/lists").session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(question.title())))
                .andExpect(content().string(not(containsString("<html"))));
    }

    private MockHttpSession login(Doctor doctor) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin("/login").user(doctor.username()).password(Scenario.PASSWORD))
                .andExpect(redirectedUrl("/queue"))
                .andReturn().getRequest().getSession(false);
    }
}
