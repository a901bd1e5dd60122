package io.askflow.enrichment.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.askflow.enrichment.knowledge.KnowledgeImport;
import io.askflow.events.AgeRange;
import io.askflow.events.Gender;
import io.askflow.events.QuestionSubmitted;
import io.askflow.events.ReplyEnriched;
import io.askflow.events.ReplyEnriched.SimilarQuestion;
import io.askflow.events.ReplyPosted;
import io.askflow.events.Specialty;
import io.askflow.events.Topics;
import io.askflow.testsupport.AskflowIntegrationTest;
import io.askflow.testsupport.KafkaProbe;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@AskflowIntegrationTest
class EnrichmentFlowTest {

    private static final String MIGRAINE_TITLE = "Throbbing headache on one side with nausea";
    private static final String MIGRAINE_BODY = "Twice a month I get a pounding headache on the left side of my "
            + "head, light hurts my eyes and I feel sick. It lasts a whole day. Is this migraine?";
    private static final String MIGRAINE_REPLY = "Dear asker, this sounds like migraine. Keep a headache diary and "
            + "see your doctor about medicines that stop or prevent the attacks.";
    private static final String DOC = "FLOW_" + UUID.randomUUID().toString().replace("-", "");

    @Autowired KafkaProbe probe;
    @Autowired KnowledgeImport knowledgeImport;
    @Autowired MockMvc mvc;
    @TempDir Path folder;

    @BeforeEach
    void knowledge() throws IOException {
        Path file = folder.resolve("knowledge.jsonl");
        Files.writeString(file, """
                {"id": "%s_Sec1", "source": "NINDS", "url": "https://www.ninds.nih.gov/%s", "focus": "Migraine", \
                "synonyms": ["Migraine headache"], "qtype": "treatment", \
                "question": "What are the treatments for Migraine ?", \
                "answer": "Migraine is a throbbing headache, often on one side, with nausea and sensitivity to light. \
                Medicines can stop an attack. Other medicines taken every day prevent attacks."}
                """.formatted(DOC, DOC));
        knowledgeImport.importFile(file, line -> { });
    }

    @Test
    void similarQuestionsAreEarlierConsentedAnsweredQuestionsOnly() throws Exception {
        QuestionSubmitted consented = question(MIGRAINE_TITLE, MIGRAINE_BODY, true);
        QuestionSubmitted private_ = question(MIGRAINE_TITLE, MIGRAINE_BODY, false);
        answer(consented);
        answer(private_);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> mvc.perform(get("/api/similar")
                        .param("q", MIGRAINE_TITLE + " " + MIGRAINE_BODY).param("limit", "50"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].id").value(Matchers.hasItem(consented.questionId().toString()))));

        QuestionSubmitted later = question("Pounding head pain and light hurts my eyes",
                "My head pounds on one side every few weeks and I have to lie down in the dark. Migraine?", true);
        ReplyEnriched enriched = answer(later);

        List<String> similarIds = enriched.similarQuestions().stream().map(SimilarQuestion::id).toList();
        assertThat(enriched.similarQuestions()).anySatisfy(similar -> {
            assertThat(similar.id()).isEqualTo(consented.questionId().toString());
            assertThat(similar.kind()).isEqualTo("QUESTION");
            assertThat(similar.title()).isEqualTo(MIGRAINE_TITLE);
            assertThat(similar.doctorName()).isEqualTo("Dr. Ye");
            assertThat(similar.replySnippet()).contains("migraine");
            assertThat(similar.url()).endsWith("/questions/" + consented.questionId());
        });
        assertThat(similarIds).doesNotContain(private_.questionId().toString(), later.questionId().toString());
        assertThat(enriched.relatedFaq()).extracting(ReplyEnriched.RelatedFaq::slug).contains("migraine");
        assertThat(enriched.moreInfo()).anySatisfy(info -> {
            assertThat(info.source()).isEqualTo("NINDS");
            assertThat(info.url()).isEqualTo("https://www.ninds.nih.gov/" + DOC);
            assertThat(info.text()).contains("Medicines can stop an attack.");
        });
    }

    @Test
    void theSameReplyTwiceIsEnrichedOnce() {
        QuestionSubmitted asked = question(MIGRAINE_TITLE, MIGRAINE_BODY, true);
        probe.send(asked);
        ReplyPosted reply = reply(asked);
        probe.send(reply);
        probe.send(reply);
        ReplyPosted next = reply(asked);
        probe.send(next); // same key, same partition: once it is enriched, the duplicate has been handled

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(probe.events(ReplyEnriched.class, asked.questionId()))
                        .extracting(ReplyEnriched::replyId).containsExactlyInAnyOrder(reply.replyId(), next.replyId()));
    }

    @Test
    void aReplyBeforeItsQuestionIsRetriedUntilTheQuestionIsThere() {
        QuestionSubmitted asked = question(MIGRAINE_TITLE, MIGRAINE_BODY, true);
        ReplyPosted reply = reply(asked);
        probe.send(reply);
        probe.send(asked);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(probe.events(ReplyEnriched.class, asked.questionId())).hasSize(1));
    }

    @Test
    void malformedRecordsAreDeadLetteredAndLaterRecordsStillFlow() {
        QuestionSubmitted asked = question(MIGRAINE_TITLE, MIGRAINE_BODY, true);
        String key = asked.questionId().toString();
        probe.sendRaw(Topics.QUESTION_SUBMITTED, key, "not json".getBytes(StandardCharsets.UTF_8));
        probe.sendRaw(Topics.REPLY_POSTED, key, "{\"eventId\": null}".getBytes(StandardCharsets.UTF_8));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(probe.records(Topics.deadLetter(Topics.QUESTION_SUBMITTED), key)).hasSize(1);
            assertThat(probe.records(Topics.deadLetter(Topics.REPLY_POSTED), key)).hasSize(1);
        });
        answer(asked);
    }

    private ReplyEnriched answer(QuestionSubmitted asked) {
        probe.send(asked);
        ReplyPosted reply = reply(asked);
        probe.send(reply);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(probe.events(ReplyEnriched.class, asked.questionId())).hasSize(1));
        ReplyEnriched enriched = probe.events(ReplyEnriched.class, asked.questionId()).get(0);
        assertThat(enriched.replyId()).isEqualTo(reply.replyId());
        return enriched;
    }

    private static QuestionSubmitted question(String title, String body, boolean consent) {
        UUID questionId = UUID.randomUUID();
        return new QuestionSubmitted(UUID.randomUUID(), questionId, Instant.now(), "Lin", AgeRange.FROM_30_TO_39,
                Gender.FEMALE, Specialty.NEUROLOGY, title, body, "en", consent,
                "http://127.0.0.1:8080/track/" + UUID.randomUUID(), "lin." + questionId + "@example.org", false);
    }

    private static ReplyPosted reply(QuestionSubmitted asked) {
        return new ReplyPosted(UUID.randomUUID(), asked.questionId(), Instant.now(), UUID.randomUUID(),
                UUID.randomUUID(), "Dr. Ye", Specialty.NEUROLOGY, MIGRAINE_REPLY);
    }
}
