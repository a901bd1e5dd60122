package io.askflow.question.ask;

import static io.askflow.question.Patients.assertNothingStoredOrPublished;
import static io.askflow.question.Patients.marker;
import static io.askflow.question.Patients.question;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.askflow.testsupport.AskflowIntegrationTest;
import io.askflow.testsupport.KafkaProbe;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** CSRF on the HTML form, the honeypot on both the form and the API: every refusal stores and publishes nothing. */
@AskflowIntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)   // as every class: one shared context
class ProtectionTest {

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired KafkaProbe probe;
    @Autowired JdbcTemplate jdbc;
    @Value("${spring.kafka.bootstrap-servers}") String bootstrapServers;
    @LocalServerPort int port;

    @Test
    void theFormCarriesACsrfToken() throws Exception {
        String page = mvc.perform(get("/ask")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).containsPattern("<input type=\"hidden\" name=\"_csrf\" value=\"[^\"]{20,}\"");
    }

    @Test
    void aFormWithoutATokenIsRefusedAndStoresNothing() throws Exception {
        String marker = marker();
        mvc.perform(form(marker))
                .andExpect(status().isForbidden())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(403))
                .andExpect(jsonPath("$.title").value("Form expired"))
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("Reload the form")));
        assertNothingStoredOrPublished(mvc, json, probe, jdbc, bootstrapServers, marker);
    }

    @Test
    void aFormWithAForgedTokenIsRefused() throws Exception {
        String marker = marker();
        mvc.perform(form(marker).with(csrf().useInvalidToken()))
                .andExpect(status().isForbidden())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Form expired"));
        assertNothingStoredOrPublished(mvc, json, probe, jdbc, bootstrapServers, marker);
    }

    /** Over real HTTP, as the error page is rendered by the servlet container's error dispatch. */
    @Test
    void aBrowserPostingWithoutATokenIsToldToReloadTheForm() throws Exception {
        String marker = marker();
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder()
                        .uri(URI.create("http://127.0.0.1:" + port + "/ask"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
                        .POST(HttpRequest.BodyPublishers.ofString("nickname=Mei&email=mei%40example.org&ageRange=30~39"
                                + "&gender=female&title=Face+droops+" + marker + "&body=My+face+has+drooped+since+today+" + marker))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("This form has expired").contains("Nothing was sent")
                .doesNotContain("jsessionid");
        assertNothingStoredOrPublished(mvc, json, probe, jdbc, bootstrapServers, marker);
    }

    @Test
    void aFilledHoneypotOnTheFormIsRefusedAndStoresNothing() throws Exception {
        String marker = marker();
        String page = mvc.perform(form(marker).with(csrf()).param("website", "http://cheap-pills.example"))
                .andExpect(status().isBadRequest())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("A field that must stay empty was filled in")
                .contains("name=\"website\" value=\"\"")                       // cleared, so a person can just resend
                .contains("Face droops " + marker);                            // the rest is kept
        assertNothingStoredOrPublished(mvc, json, probe, jdbc, bootstrapServers, marker);
    }

    @Test
    void aFilledHoneypotInTheApiIsRefusedAndStoresNothing() throws Exception {
        String marker = marker();
        Map<String, Object> sent = question(marker);
        sent.put("website", "http://cheap-pills.example");
        mvc.perform(post("/api/questions").contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsBytes(sent)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.errors[*].field").value(Matchers.contains("website")))
                .andExpect(jsonPath("$.errors[0].message").value("must be left empty"));
        assertNothingStoredOrPublished(mvc, json, probe, jdbc, bootstrapServers, marker);
    }

    @Test
    void theJsonApiNeedsNoToken() throws Exception {
        mvc.perform(post("/api/questions").contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsBytes(question(marker()))))
                .andExpect(status().isCreated());
    }

    private static MockHttpServletRequestBuilder form(String marker) {
        return post("/ask").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .param("nickname", "Mei")
                .param("email", "mei." + marker + "@example.org")
                .param("ageRange", "30~39")
                .param("gender", "female")
                .param("specialty", "neurology")
                .param("title", "Face droops " + marker)
                .param("body", "My face has drooped since this morning " + marker)
                .param("consentToPublish", "true");
    }
}
