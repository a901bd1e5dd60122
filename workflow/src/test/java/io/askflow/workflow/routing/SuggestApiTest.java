package io.askflow.workflow.routing;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThanOrEqualTo;

import io.askflow.testsupport.Fixtures;
import io.askflow.workflow.lifecycle.QuestionLifecycle;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The suggestion API with the real classifier and the real DMN (read in memory); no engine, database or broker.
 * Without Spring Security's auto-configuration: its defaults would lock every path, and workflow's own security
 * (the operator login, with the throttle's table) is tested on the whole service, suggestions open included
 * (OperatorApiTest).
 */
@WebMvcTest(controllers = SuggestApiController.class, excludeAutoConfiguration = SecurityAutoConfiguration.class)
@Import({RoutingConfiguration.class, SuggestApiTest.RoutingTable.class})
class SuggestApiTest {

    private static final String VAGUE_TITLE = "A question for a doctor";
    private static final String VAGUE_BODY = "Hello, I would like to ask something about my situation, thank you.";

    /** The DMN-backed {@link RoutingRule} of the lifecycle package, as the application wires it. */
    @ComponentScan(basePackageClasses = QuestionLifecycle.class, useDefaultFilters = false,
            includeFilters = @ComponentScan.Filter(type = FilterType.ASSIGNABLE_TYPE, classes = RoutingRule.class))
    static class RoutingTable {
    }

    @Autowired MockMvc mvc;

    @Test
    void bellsPalsyIsSuggestedForNeurologyWhereRoutingWouldSendIt() throws Exception {
        mvc.perform(get("/api/routing/suggest")
                        .param("title", Fixtures.BELLS_PALSY_TITLE).param("body", Fixtures.BELLS_PALSY_BODY))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.specialty").value("NEUROLOGY"))
                .andExpect(jsonPath("$.slug").value("neurology"))
                .andExpect(jsonPath("$.name").value("Neurology"))
                .andExpect(jsonPath("$.confidence").value(allOf(greaterThanOrEqualTo(0.5), lessThanOrEqualTo(1.0))))
                .andExpect(jsonPath("$.wouldRouteTo").value("NEUROLOGY"))
                .andExpect(jsonPath("$.routedBy").value("CLASSIFIER"));
    }

    @Test
    void vagueTextWouldGoToGeneralMedicineTriage() throws Exception {
        mvc.perform(get("/api/routing/suggest").param("title", VAGUE_TITLE).param("body", VAGUE_BODY))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.wouldRouteTo").value("GENERAL_MEDICINE"))
                .andExpect(jsonPath("$.routedBy").value("RULE"));
    }

    @Test
    void aTitleOrABodyAloneIsEnough() throws Exception {
        mvc.perform(get("/api/routing/suggest").param("title", "Toothache at night"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.specialty").value("DENTISTRY"));
        mvc.perform(get("/api/routing/suggest").param("body", "My tooth hurts when I drink something cold."))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.specialty").value("DENTISTRY"));
    }

    @Test
    void blankTitleAndBodyAreAProblemForBothFields() throws Exception {
        mvc.perform(get("/api/routing/suggest").param("title", "  ").param("body", ""))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("title"))
                .andExpect(jsonPath("$.errors[1].field").value("body"))
                .andExpect(jsonPath("$.errors[0].message").value("a title or a body is required"));
        mvc.perform(get("/api/routing/suggest"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void lengthsAreCappedLikeTheAskFormCountingCharactersNotCodeUnits() throws Exception {
        mvc.perform(get("/api/routing/suggest").param("title", "🤒".repeat(150)).param("body", "a".repeat(5000)))
                .andExpect(status().isOk());
        mvc.perform(get("/api/routing/suggest").param("title", "a".repeat(151)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.length()").value(1))
                .andExpect(jsonPath("$.errors[0].field").value("title"))
                .andExpect(jsonPath("$.errors[0].message").value("must be at most 150 characters long"));
        mvc.perform(get("/api/routing/suggest").param("title", "Rash").param("body", "😭".repeat(5001)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("body"));
    }

    @Test
    void anyTextIsReadWithoutFailing() throws Exception {
        mvc.perform(get("/api/routing/suggest").param("title", "🤒\uD83D 頭痛 مرحبا").param("body", "\u0000\u200d👨‍👩‍👧"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.confidence").value(allOf(greaterThanOrEqualTo(0.0), lessThanOrEqualTo(1.0))));
    }

    @Test
    void longTextsCanBePostedAsJson() throws Exception {
        mvc.perform(post("/api/routing/suggest").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\": \"" + Fixtures.BELLS_PALSY_TITLE + "\", \"body\": \""
                                + Fixtures.BELLS_PALSY_BODY.repeat(20) + "\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.specialty").value("NEUROLOGY"));
        mvc.perform(post("/api/routing/suggest").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("title"));
        mvc.perform(post("/api/routing/suggest").contentType(MediaType.APPLICATION_JSON).content("not json"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void aBodyOverTheLimitIsRefusedBeforeItIsParsed() throws Exception {
        String body = "{\"title\": \"Headache\", \"body\": \"" + "a".repeat(70 * 1024) + "\"}";

        mvc.perform(post("/api/routing/suggest").contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Request too large"));
    }
}
