package io.askflow.question.archive;

import static io.askflow.question.Patients.ask;
import static io.askflow.question.Patients.assertNoEmail;
import static io.askflow.question.Patients.marker;
import static io.askflow.question.Patients.question;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.askflow.events.ReplyEnriched;
import io.askflow.events.ReplyEnriched.MoreInfo;
import io.askflow.events.ReplyEnriched.RelatedFaq;
import io.askflow.events.ReplyEnriched.SimilarQuestion;
import io.askflow.events.ReplyPosted;
import io.askflow.events.Specialty;
import io.askflow.testsupport.AskflowIntegrationTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import io.askflow.testsupport.Fixtures;
import io.askflow.testsupport.KafkaProbe;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@AskflowIntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)   // as every class: one shared context
class ArchiveTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired KafkaProbe probe;

    @Test
    void publishesAnAnsweredQuestionInTheLayoutOfAPublicConsultationArchive() throws Exception {
        UUID earlier = UUID.fromString(ask(mvc, json, question(marker())).get("id").asText());
        probe.send(Fixtures.replyPosted(earlier, Specialty.NEUROLOGY));
        await().atMost(WAIT).untilAsserted(() -> mvc.perform(get("/questions/" + earlier)).andExpect(status().isOk()));
        String marker = marker();
        Map<String, Object> sent = question(marker);
        sent.put("body", "<script>alert(1)</script> My left eye will not close since this morning. " + marker);
        UUID id = UUID.fromString(ask(mvc, json, sent).get("id").asText());

        mvc.perform(get("/questions/" + id)).andExpect(status().isNotFound());
        mvc.perform(get("/api/questions/" + id)).andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));

        var reply = new ReplyPosted(UUID.randomUUID(), id, Instant.now(), UUID.randomUUID(), UUID.randomUUID(),
                "Dr. Ye", Specialty.NEUROLOGY, "Dear Mei, this sounds like Bell palsy. See a doctor today " + marker);
        probe.send(reply);
        probe.send(new ReplyEnriched(UUID.randomUUID(), id, Instant.now(), reply.replyId(),
                List.of(new MoreInfo("Bell palsy", "A weakness of the facial nerve that usually gets better.",
                        "MedlinePlus", "https://medlineplus.gov/bellspalsy.html")),
                List.of(new SimilarQuestion(earlier.toString(), "QUESTION", "Mouth droops on one side",
                        "My mouth droops on the right.", "Dr. Lin", Specialty.NEUROLOGY, "It may be Bell palsy.",
                        "Askflow", null)),
                List.of(new RelatedFaq("Facial Nerve Palsy", Specialty.NEUROLOGY, "facial-nerve-palsy"))));

        await().atMost(WAIT).untilAsserted(() -> mvc.perform(get("/api/questions/" + id))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.reply").value(reply.body()))
                .andExpect(jsonPath("$.moreInfo[0].url").value("https://medlineplus.gov/bellspalsy.html")));

        String page = mvc.perform(get("/questions/" + id)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).containsSubsequence(
                "<h1>Face droops " + marker + "</h1>",
                "Mei", "30~39", "female", "Ask Date",
                "Dr. Ye</span> reply", ">Neurology</a>", "See a doctor today " + marker, "Reply Date",
                "More Info", "Source:", "href=\"https://medlineplus.gov/bellspalsy.html\"", "MedlinePlus",
                "Similar Q&amp;A", "Mouth droops on one side", "My mouth droops on the right.", "Dr. Lin reply",
                "It may be Bell palsy.", "href=\"/questions/" + earlier + "\"", "Read More",
                "Related FAQ", "Facial Nerve Palsy (Neurology)",
                "An online reply is not a diagnosis");
        assertThat(page).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert(1)");
        assertNoEmail(page, sent.get("email").toString());
        String api = mvc.perform(get("/api/questions/" + id)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertNoEmail(api, sent.get("email").toString());
        assertThat(api).doesNotContain("trackingToken").doesNotContain("email");

        String home = mvc.perform(get("/")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(home).contains("href=\"/questions/" + id + "\"").contains("href=\"/specialties/neurology\"");
        String neurology = mvc.perform(get("/specialties/neurology")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(neurology).contains("href=\"/questions/" + id + "\"");
        String dermatology = mvc.perform(get("/specialties/dermatology")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(dermatology).doesNotContain(id.toString());
        assertNoEmail(home + neurology, sent.get("email").toString());

        for (String words : new String[] {"drooping eyes " + marker, "palsy " + marker, marker}) {
            String found = mvc.perform(get("/search").param("q", words)).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            assertThat(found).as(words).contains("href=\"/questions/" + id + "\"");
        }
        String none = mvc.perform(get("/search").param("q", "fracture " + marker)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(none).doesNotContain(id.toString()).contains("No answered question matches these words.");
    }

    @Test
    void neverPublishesTheQuestionOfAnAskerWhoDidNotConsent() throws Exception {
        String marker = marker();
        Map<String, Object> sent = question(marker);
        sent.put("consentToPublish", false);
        var asked = ask(mvc, json, sent);
        UUID id = UUID.fromString(asked.get("id").asText());
        ReplyPosted reply = new ReplyPosted(UUID.randomUUID(), id, Instant.now(), UUID.randomUUID(),
                UUID.randomUUID(), "Dr. Ye", Specialty.NEUROLOGY, "Dear Mei, please see a doctor today.");
        probe.send(reply);

        // answered: the patient's own tracking shows the reply, the public page stays hidden
        await().atMost(WAIT).untilAsserted(() -> mvc.perform(get("/api/track/" + asked.get("trackingToken").asText()))
                .andExpect(jsonPath("$.reply.body").value(reply.body()))
                .andExpect(jsonPath("$.publicUrl").isEmpty()));
        mvc.perform(get("/questions/" + id)).andExpect(status().isNotFound());
        mvc.perform(get("/api/questions/" + id)).andExpect(status().isNotFound());
        String home = mvc.perform(get("/")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(home).doesNotContain(id.toString());
        String found = mvc.perform(get("/search").param("q", marker)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(found).doesNotContain(id.toString());
    }

    @Test
    void unknownPagesAreNotFound() throws Exception {
        mvc.perform(get("/questions/not-a-uuid")).andExpect(status().isNotFound());
        mvc.perform(get("/questions/" + UUID.randomUUID())).andExpect(status().isNotFound());
        mvc.perform(get("/api/questions/" + UUID.randomUUID())).andExpect(status().isNotFound());
        mvc.perform(get("/specialties/astrology")).andExpect(status().isNotFound());
    }
}
