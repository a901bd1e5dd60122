package io.askflow.question.lookup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.askflow.testsupport.AskflowIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The ask form's lookups and the FAQ pages over real HTTP to stand-ins of enrichment-service and the workflow
 * ({@code FakeUpstreams}): answers mapped and made safe, and nothing (quickly) when they fail, are slow or absent.
 */
@AskflowIntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)   // as every class: one shared context
class LookupTest {

    /** The lookup timeout is 800 ms; the slow stand-in answers after 3 s. */
    private static final Duration QUICK = Duration.ofMillis(2500);

    @Autowired MockMvc mvc;

    @Test
    void similarQuestionsAreAtMostFiveAndOnlyWebLinks() throws Exception {
        mvc.perform(get("/api/similar-questions").param("q", "Bell's palsy on one side"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(5))
                .andExpect(jsonPath("$[0].kind").value("QUESTION"))
                .andExpect(jsonPath("$[0].title").value("Sudden weakness on the left side of my face"))
                .andExpect(jsonPath("$[0].url").value("http://127.0.0.1:8080/questions/801f121d-1b3c-4008-bdce-d4a9501b0eba"))
                .andExpect(jsonPath("$[0].specialty").value("Neurology"))
                .andExpect(jsonPath("$[1].source").value("MedQuAD (NINDS)"))
                .andExpect(jsonPath("$[2].title").value("<script>alert(1)</script> palsy"))   // text: the script sets textContent
                .andExpect(jsonPath("$[2].url").doesNotExist())
                .andExpect(jsonPath("$[*].url").value(Matchers.not(Matchers.hasItem(Matchers.startsWith("javascript")))));
    }

    @Test
    void similarQuestionsAreEmptyWhenEnrichmentFailsIsSlowOrTheTitleIsShort() throws Exception {
        mvc.perform(get("/api/similar-questions").param("q", "broken knee")).andExpect(status().isOk())
                .andExpect(content().json("[]"));
        mvc.perform(get("/api/similar-questions").param("q", "ab")).andExpect(status().isOk())
                .andExpect(content().json("[]"));
        quickly(() -> mvc.perform(get("/api/similar-questions").param("q", "slow palsy")))
                .andExpect(status().isOk()).andExpect(content().json("[]"));
    }

    @Test
    void theSpecialtySuggestionComesFromTheWorkflowAndNothingWhenItCannotAnswer() throws Exception {
        mvc.perform(get("/api/specialty-suggestion").param("title", "My face droops").param("body", "since today"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.slug").value("neurology"))
                .andExpect(jsonPath("$.name").value("Neurology"))
                .andExpect(jsonPath("$.confidence").value(0.8));
        mvc.perform(get("/api/specialty-suggestion").param("title", "Itchy rash on my arm"))     // the workflow's 404
                .andExpect(status().isNoContent());
        quickly(() -> mvc.perform(get("/api/specialty-suggestion").param("title", "slow heart")))
                .andExpect(status().isNoContent());
    }

    @Test
    void theFaqPageRendersTheTopicWithItsWebSources() throws Exception {
        String page = mvc.perform(get("/faq/neurology/facial-nerve-palsy")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("<h1>Facial Nerve Palsy (Bell&#39;s Palsy)</h1>")
                .contains("sudden weakness of the muscles on one side of the face")
                .contains("href=\"http://www.ninds.nih.gov/disorders/bells/bells.htm\"")
                .contains("Written by the Askflow team").contains("not a diagnosis")
                .doesNotContain("javascript:");
    }

    @Test
    void anAbsentTopicOrSpecialtyOrASlowEnrichmentIsNotFound() throws Exception {
        assertThat(notFound("/faq/neurology/no-such-topic")).contains("Page not found");
        assertThat(notFound("/faq/astrology/facial-nerve-palsy")).contains("Page not found");
        assertThat(notFound("/faq/neurology/Not_A_Slug")).contains("Page not found");
        quickly(() -> mvc.perform(get("/faq/neurology/slow-topic"))).andExpect(status().isNotFound());
    }

    private String notFound(String path) throws Exception {
        return mvc.perform(get(path)).andExpect(status().isNotFound())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private interface Call {
        ResultActions run() throws Exception;
    }

    private static ResultActions quickly(Call call) throws Exception {
        Instant start = Instant.now();
        ResultActions result = call.run();
        assertThat(Duration.between(start, Instant.now())).isLessThan(QUICK);
        return result;
    }
}
