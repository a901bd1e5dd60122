package io.askflow.question.ask;

import static io.askflow.question.Patients.assertNoEmail;
import static io.askflow.question.Patients.marker;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.askflow.testsupport.AskflowIntegrationTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@AskflowIntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)   // as every class: one shared context
class AskPageTest {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;

    @Test
    void theFormLabelsEveryFieldAndWarnsThatItIsNotForEmergencies() throws Exception {
        String page = mvc.perform(get("/ask")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        for (String field : new String[] {"nickname", "email", "ageRange", "specialty", "title", "body"}) {
            assertThat(page).contains("<label for=\"" + field + "\"").contains("id=\"" + field + "\"");
        }
        assertThat(page).contains("<legend>Gender</legend>").contains("for=\"gender1\"")
                .contains("for=\"consentToPublish1\"")
                .contains("Not sure — let a doctor triage").contains(">Neurology<").contains(">80+<")
                .contains("Not for emergencies").contains("tel:119")
                .contains("<main id=\"main\"").contains("<html lang=\"en\"");
    }

    @Test
    void showsEachErrorBesideItsFieldAndKeepsTheInput() throws Exception {
        String marker = marker();
        String page = mvc.perform(form(marker).param("title", "Face").param("email", "mei-" + marker))
                .andExpect(status().isBadRequest())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(page).contains("id=\"title-error\"").contains("must be 5 to 150 characters long")
                .contains("id=\"email-error\"").contains("is not a valid email address")
                .doesNotContain("id=\"body-error\"")
                .contains("value=\"Face\"").contains("value=\"Mei " + marker + "\"")
                .contains("My face has drooped since this morning " + marker)
                .contains("aria-invalid=\"true\"");
        assertThat(rowsWith(marker)).isZero();
    }

    @Test
    void explainsAChoiceItCannotReadAndKeepsTheOthers() throws Exception {
        String marker = marker();
        String page = mvc.perform(post("/ask").with(csrf()).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .param("nickname", "Mei " + marker).param("email", "mei." + marker + "@example.org")
                        .param("ageRange", "thirty-five").param("gender", "female").param("specialty", "neurology")
                        .param("title", "Face droops " + marker)
                        .param("body", "My face has drooped since this morning " + marker))
                .andExpect(status().isBadRequest())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(page).contains("id=\"ageRange-error\"")
                .contains("must be one of under 10, 10~19, 20~29 … 70~79, 80+")
                .doesNotContain("id=\"gender-error\"").doesNotContain("thirty-five")
                .contains("value=\"female\" id=\"gender1\" name=\"gender\" checked=\"checked\"")   // typed values kept
                .contains("value=\"neurology\" selected=\"selected\"");
        assertThat(rowsWith(marker)).isZero();
    }

    @Test
    void redirectsToTheTrackingPageWhichGreetsTheNewAsker() throws Exception {
        String marker = marker();
        MvcResult result = mvc.perform(form(marker).param("title", "Face droops " + marker))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("justAsked", true))
                .andReturn();
        String location = result.getResponse().getRedirectedUrl();
        String token = jdbc.sql("select tracking_token from question where body like ?").param("%" + marker + "%")
                .query(String.class).single();
        assertThat(location).isEqualTo("/track/" + token);

        String greeted = mvc.perform(get(location).flashAttrs(result.getFlashMap()))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(greeted).contains("Thank you, your question was received.").contains("Keep this link")
                .contains("href=\"http://127.0.0.1:8080/track/" + token + "\"").contains("Face droops " + marker);
        assertNoEmail(greeted, "mei." + marker + "@example.org");

        String later = mvc.perform(get(location)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(later).doesNotContain("Thank you, your question was received.").contains("Face droops " + marker);
    }

    @Test
    void refusesJsonAndHugeBodiesOnTheFormAndStoresNothing() throws Exception {
        String marker = marker();
        mvc.perform(post("/ask").with(csrf()).contentType(MediaType.APPLICATION_JSON).content("{\"title\":\"" + marker + "\"}"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        String huge = "nickname=Mei&email=mei%40example.org&ageRange=30~39&gender=female&title=Face+droops+" + marker
                + "&body=" + "x".repeat(70 * 1024) + marker;
        mvc.perform(post("/ask").with(csrf()).contentType(MediaType.APPLICATION_FORM_URLENCODED).content(huge))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        assertThat(rowsWith(marker)).isZero();
    }

    private static MockHttpServletRequestBuilder form(String marker) {
        return post("/ask").with(csrf()).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .param("nickname", "Mei " + marker)
                .param("email", "mei." + marker + "@example.org")
                .param("ageRange", "30~39")
                .param("gender", "female")
                .param("specialty", "neurology")
                .param("body", "My face has drooped since this morning " + marker)
                .param("consentToPublish", "true");
    }

    private int rowsWith(String marker) {
        return jdbc.sql("select count(*) from question where nickname like ? or body like ?")
                .params("%" + marker + "%", "%" + marker + "%").query(Integer.class).single();
    }
}
