package io.askflow.question.track;

import static io.askflow.question.Patients.ask;
import static io.askflow.question.Patients.marker;
import static io.askflow.question.Patients.question;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.askflow.events.ConsentWithdrawn;
import io.askflow.events.QuestionWithdrawn;
import io.askflow.events.ReplyEnriched;
import io.askflow.events.ReplyEnriched.SimilarQuestion;
import io.askflow.events.Specialty;
import io.askflow.events.Step;
import io.askflow.testsupport.AskflowIntegrationTest;
import io.askflow.testsupport.Fixtures;
import io.askflow.testsupport.KafkaProbe;
import io.askflow.events.TrackingLinkRequested;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** The patient's choices on the tracking page: withdraw the question, withdraw consent, have the links sent again. */
@AskflowIntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)   // as every class: one shared context
class PatientControlTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired KafkaProbe probe;
    @Autowired JdbcTemplate jdbc;

    record Asked(UUID id, String token, String email) {
    }

    @Test
    void anUnclaimedQuestionIsWithdrawnOnceWithAStepAndAnEvent() throws Exception {
        Asked q = askOne();
        assertThat(page(q.token())).contains("Withdraw my question").contains("name=\"_csrf\"");

        mvc.perform(post("/track/" + q.token() + "/withdraw").with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/track/" + q.token()))
                .andExpect(flash().attribute("done", org.hamcrest.Matchers.startsWith("Your question is withdrawn.")));

        JsonNode tracking = track(q.token());
        assertThat(tracking.get("status").asText()).isEqualTo("WITHDRAWN");
        assertThat(steps(tracking)).containsExactly("WITHDRAWN");
        assertThat(tracking.get("withdrawable").asBoolean()).isFalse();
        assertThat(page(q.token())).contains("Withdrawn: this question will not be answered.")
                .doesNotContain("Withdraw my question");
        await().atMost(WAIT).untilAsserted(() -> assertThat(probe.events(QuestionWithdrawn.class, q.id())).hasSize(1));

        mvc.perform(post("/track/" + q.token() + "/withdraw").with(csrf())).andExpect(status().is3xxRedirection());
        // the workflow confirming the withdrawal adds no second WITHDRAWN step
        var confirmed = TrackingTest.progressed(q.id(), Step.WITHDRAWN, java.time.Instant.now());
        probe.send(confirmed);
        await().atMost(WAIT).untilAsserted(() -> assertThat(jdbc.queryForObject(
                "select count(*) from processed_event where event_id = ?", Integer.class, confirmed.eventId())).isOne());
        awaitBarrierWithdrawal();
        assertThat(probe.events(QuestionWithdrawn.class, q.id())).hasSize(1);
        assertThat(steps(track(q.token()))).containsExactly("WITHDRAWN");
    }

    @Test
    void aClaimAndAReplyThatCrossedTheWithdrawalLeaveTheQuestionWithdrawn() throws Exception {
        Asked q = askOne();
        probe.send(TrackingTest.routed(q.id(), Specialty.NEUROLOGY, Instant.now()));
        await().atMost(WAIT).untilAsserted(() -> assertThat(steps(track(q.token()))).containsExactly("ROUTED"));
        mvc.perform(post("/track/" + q.token() + "/withdraw").with(csrf())).andExpect(status().is3xxRedirection());

        // reply-service granted the claim and took the reply before it heard of the withdrawal
        var claim = Fixtures.questionClaimed(q.id(), Specialty.NEUROLOGY);
        var reply = Fixtures.replyPosted(q.id(), Specialty.NEUROLOGY);
        probe.send(claim);
        probe.send(reply);

        await().atMost(WAIT).untilAsserted(() -> assertThat(jdbc.queryForObject(
                "select count(*) from processed_event where event_id in (?, ?)", Integer.class, claim.eventId(),
                reply.eventId())).isEqualTo(2));
        JsonNode tracking = track(q.token());
        assertThat(steps(tracking)).containsExactly("ROUTED", "WITHDRAWN");
        assertThat(tracking.get("status").asText()).isEqualTo("WITHDRAWN");
    }

    @Test
    void aQuestionADoctorTookCannotBeWithdrawn() throws Exception {
        Asked q = askOne();
        probe.send(Fixtures.questionClaimed(q.id(), Specialty.NEUROLOGY));
        await().atMost(WAIT).untilAsserted(() -> assertThat(track(q.token()).get("doctorName").isNull()).isFalse());
        assertThat(page(q.token())).doesNotContain("Withdraw my question");

        String page = mvc.perform(post("/track/" + q.token() + "/withdraw").with(csrf()))
                .andExpect(status().isConflict())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("A doctor has already taken your question");
        assertThat(track(q.token()).get("status").asText()).isNotEqualTo("WITHDRAWN");
        awaitBarrierWithdrawal();
        assertThat(probe.events(QuestionWithdrawn.class, q.id())).isEmpty();
    }

    @Test
    void withdrawingWithoutACsrfTokenChangesAndPublishesNothing() throws Exception {
        Asked q = askOne();
        mvc.perform(post("/track/" + q.token() + "/withdraw"))
                .andExpect(status().isForbidden())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(403))
                .andExpect(jsonPath("$.title").value("Form expired"));
        mvc.perform(post("/track/" + q.token() + "/withdraw-consent"))
                .andExpect(status().isForbidden());

        JsonNode tracking = track(q.token());
        assertThat(tracking.get("status").asText()).isEqualTo("ASKED");
        assertThat(tracking.get("consentToPublish").asBoolean()).isTrue();
        assertThat(steps(tracking)).isEmpty();
        awaitBarrierWithdrawal();
        assertThat(probe.events(QuestionWithdrawn.class, q.id())).isEmpty();
        assertThat(probe.events(ConsentWithdrawn.class, q.id())).isEmpty();
    }

    @Test
    void anUnknownTokenIsNotFound() throws Exception {
        mvc.perform(post("/track/never-issued/withdraw").with(csrf())).andExpect(status().isNotFound());
        mvc.perform(post("/track/never-issued/withdraw-consent").with(csrf())).andExpect(status().isNotFound());
    }

    @Test
    void withdrawingConsentTakesThePublicPageDownAtOnceAndPublishesOnce() throws Exception {
        Asked q = askOne();
        probe.send(Fixtures.replyPosted(q.id(), Specialty.NEUROLOGY));
        await().atMost(WAIT).untilAsserted(() -> mvc.perform(get("/questions/" + q.id())).andExpect(status().isOk()));

        mvc.perform(post("/track/" + q.token() + "/withdraw-consent").with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/track/" + q.token()));

        mvc.perform(get("/questions/" + q.id())).andExpect(status().isNotFound());
        mvc.perform(get("/api/questions/" + q.id())).andExpect(status().isNotFound());
        assertThat(page(q.token())).contains("Not published").doesNotContain("Do not publish my question")
                .doesNotContain("Your answered question in the archive");
        assertThat(jdbc.queryForObject("select consent_withdrawn_at is not null from question where id = ?",
                Boolean.class, q.id())).isTrue();
        await().atMost(WAIT).untilAsserted(() -> assertThat(probe.events(ConsentWithdrawn.class, q.id())).hasSize(1));

        mvc.perform(post("/track/" + q.token() + "/withdraw-consent").with(csrf())).andExpect(status().is3xxRedirection());
        Asked barrier = askOne();
        mvc.perform(post("/track/" + barrier.token() + "/withdraw-consent").with(csrf()));
        await().atMost(WAIT).untilAsserted(() -> assertThat(probe.events(ConsentWithdrawn.class, barrier.id())).hasSize(1));
        assertThat(probe.events(ConsentWithdrawn.class, q.id())).hasSize(1);
    }

    @Test
    void withdrawnConsentTakesTheQuestionOffOtherQuestionsSimilarQandA() throws Exception {
        Asked earlier = askOne();
        probe.send(Fixtures.replyPosted(earlier.id(), Specialty.NEUROLOGY));
        await().atMost(WAIT).untilAsserted(() -> mvc.perform(get("/questions/" + earlier.id()))
                .andExpect(status().isOk()));
        Asked later = askOne();
        var reply = Fixtures.replyPosted(later.id(), Specialty.NEUROLOGY);
        String earlierTitle = "Earlier question " + earlier.id();
        probe.send(reply);
        probe.send(new ReplyEnriched(UUID.randomUUID(), later.id(), Instant.now(), reply.replyId(), List.of(),
                List.of(new SimilarQuestion(earlier.id().toString(), "QUESTION", earlierTitle, "My face is numb.",
                                "Dr. Ye", Specialty.NEUROLOGY, "See a doctor today.", "Askflow", null),
                        new SimilarQuestion("ADAM_0000001_Sec1", "KNOWLEDGE", "What is Bell's palsy?",
                                "What is Bell's palsy?", null, Specialty.NEUROLOGY, "A weakness of the facial nerve.",
                                "MedlinePlus", "https://medlineplus.gov/bellspalsy.html")),
                List.of()));
        await().atMost(WAIT).untilAsserted(() -> assertThat(publicPage(later.id())).contains(earlierTitle)
                .contains("What is Bell&#39;s palsy?"));

        mvc.perform(post("/track/" + earlier.token() + "/withdraw-consent").with(csrf()))
                .andExpect(status().is3xxRedirection());

        assertThat(publicPage(later.id())).doesNotContain(earlierTitle).contains("What is Bell&#39;s palsy?");
        assertThat(page(later.token())).doesNotContain(earlierTitle);
        assertThat(track(later.token()).at("/enrichment/similarQuestions")).extracting(JsonNode::toString)
                .asString().doesNotContain(earlier.id().toString()).contains("ADAM_0000001_Sec1");
        mvc.perform(get("/api/questions/" + later.id())).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.not(
                        org.hamcrest.Matchers.containsString(earlierTitle))));
    }

    @Test
    void theLinkRequestSaysTheSameWhetherOrNotTheAddressIsKnown() throws Exception {
        Asked q = askOne();
        String form = mvc.perform(get("/track/resend")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(form).contains("<label for=\"email\"").contains("name=\"_csrf\"");

        MvcResult known = mvc.perform(post("/track/resend").with(csrf()).param("email", q.email().toUpperCase()))
                .andExpect(status().is3xxRedirection()).andReturn();
        MvcResult unknown = mvc.perform(post("/track/resend").with(csrf()).param("email", "nobody." + marker() + "@example.org"))
                .andExpect(status().is3xxRedirection()).andReturn();
        assertThat(known.getResponse().getRedirectedUrl()).isEqualTo("/track/resend?sent")
                .isEqualTo(unknown.getResponse().getRedirectedUrl());
        assertThat((java.util.Map<String, Object>) known.getFlashMap()).isEmpty();
        assertThat((java.util.Map<String, Object>) unknown.getFlashMap()).isEmpty();
        assertThat(known.getResponse().getHeaderNames()).isEqualTo(unknown.getResponse().getHeaderNames());

        String sent = mvc.perform(get("/track/resend").param("sent", "")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(sent).contains("Request received").contains("whether or not we know the address");
        assertThat(jdbc.queryForObject("select count(*) from tracking_link_request where question_id = ?",
                Integer.class, q.id())).isOne();
        await().atMost(WAIT).untilAsserted(() ->
                assertThat(probe.events(TrackingLinkRequested.class, q.id())).hasSize(1));
    }

    @Test
    void theLinkRequestNeedsAValidAddressAndAToken() throws Exception {
        Asked q = askOne();
        String page = mvc.perform(post("/track/resend").with(csrf()).param("email", "not-an-address"))
                .andExpect(status().isBadRequest())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("Email is not a valid email address").contains("aria-invalid=\"true\"");
        mvc.perform(post("/track/resend").param("email", q.email()))
                .andExpect(status().isForbidden())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        assertThat(jdbc.queryForObject("select count(*) from tracking_link_request where question_id = ?",
                Integer.class, q.id())).isZero();
    }

    /** Another question's withdrawal reaches the topic: by then a stray event of the test's question would too. */
    private void awaitBarrierWithdrawal() throws Exception {
        Asked barrier = askOne();
        mvc.perform(post("/track/" + barrier.token() + "/withdraw").with(csrf())).andExpect(status().is3xxRedirection());
        await().atMost(WAIT).untilAsserted(() -> assertThat(probe.events(QuestionWithdrawn.class, barrier.id())).hasSize(1));
    }

    private Asked askOne() throws Exception {
        Map<String, Object> sent = question(marker());
        JsonNode asked = ask(mvc, json, sent);
        return new Asked(UUID.fromString(asked.get("id").asText()), asked.get("trackingToken").asText(),
                sent.get("email").toString());
    }

    private String publicPage(UUID id) throws Exception {
        return mvc.perform(get("/questions/" + id)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private String page(String token) throws Exception {
        return mvc.perform(get("/track/" + token)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private JsonNode track(String token) throws Exception {
        return json.readTree(mvc.perform(get("/api/track/" + token)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    private static List<String> steps(JsonNode tracking) {
        List<String> steps = new ArrayList<>();
        tracking.get("timeline").forEach(s -> steps.add(s.get("step").asText()));
        return steps;
    }
}
