package io.askflow.enrichment.withdrawal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.jayway.jsonpath.JsonPath;
import io.askflow.events.AgeRange;
import io.askflow.events.ConsentWithdrawn;
import io.askflow.events.Gender;
import io.askflow.events.QuestionSubmitted;
import io.askflow.events.QuestionWithdrawn;
import io.askflow.events.ReplyEnriched;
import io.askflow.events.ReplyEnriched.SimilarQuestion;
import io.askflow.events.ReplyPosted;
import io.askflow.events.Specialty;
import io.askflow.events.Topics;
import io.askflow.testsupport.AskflowIntegrationTest;
import io.askflow.testsupport.KafkaProbe;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A withdrawn question disappears from Similar Q&amp;A (search and later enrichments) and never comes back. Each
 * test asks about its own topic, so that one test's questions never crowd out another's in the top three.
 */
@AskflowIntegrationTest
class WithdrawalTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired KafkaProbe probe;
    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;
    @Autowired ObjectMapper json;

    @Test
    void aWithdrawnConsentRemovesTheQuestionFromSearchAndFromLaterEnrichments() throws Exception {
        String title = "Pain on the outside of my elbow when I grip things";
        String body = "For six weeks the outer side of my right elbow hurts when I lift a cup or shake hands. "
                + "I play tennis twice a week. Is this tennis elbow and will it heal by itself?";
        QuestionSubmitted withdrawn = question(title, body, true);
        QuestionSubmitted stays = question(title, body, true);
        answer(withdrawn, "This is most likely tennis elbow (lateral epicondylitis). Rest and a brace help.");
        answer(stays, "Tennis elbow usually heals within a year with rest, a brace and exercises.");
        await().atMost(WAIT).untilAsserted(() -> assertThat(similar(title + " " + body))
                .contains(withdrawn.questionId().toString(), stays.questionId().toString()));

        probe.send(new ConsentWithdrawn(UUID.randomUUID(), withdrawn.questionId(), Instant.now()));

        await().atMost(WAIT).untilAsserted(() -> assertThat(similar(title + " " + body))
                .doesNotContain(withdrawn.questionId().toString()).contains(stays.questionId().toString()));
        assertThat(jdbc.queryForObject("select consent_withdrawn_at is not null from question_withdrawal "
                + "where question_id = ?", Boolean.class, withdrawn.questionId())).isTrue();
        ReplyEnriched later = answer(question("Outer elbow hurts when gripping",
                "My elbow hurts on the outside whenever I grip my tennis racket or carry bags.", true),
                "Tennis elbow: rest it and see a physiotherapist.");
        assertThat(later.similarQuestions()).extracting(SimilarQuestion::id)
                .contains(stays.questionId().toString()).doesNotContain(withdrawn.questionId().toString());
    }

    @Test
    void theSameWithdrawalTwiceChangesNothing() throws Exception {
        String title = "Swollen ankle after twisting it on the stairs";
        String body = "Yesterday I twisted my ankle on the stairs, it is swollen and blue and hurts when I walk.";
        QuestionSubmitted asked = question(title, body, true);
        answer(asked, "This sounds like an ankle sprain: rest, ice, compression and raise the leg.");
        ConsentWithdrawn withdrawal = new ConsentWithdrawn(UUID.randomUUID(), asked.questionId(),
                Instant.now().truncatedTo(ChronoUnit.MILLIS));
        probe.send(withdrawal);
        await().atMost(WAIT).untilAsserted(() -> assertThat(similar(title + " " + body))
                .doesNotContain(asked.questionId().toString()));
        Timestamp changedAt = changedAt(asked.questionId());

        probe.send(withdrawal);
        // same key, same partition: once this one is stored, the duplicate before it has been handled
        ConsentWithdrawn next = new ConsentWithdrawn(UUID.randomUUID(), UUID.randomUUID(), Instant.now());
        probe.sendRaw(Topics.CONSENT_WITHDRAWN, asked.questionId().toString(), json.writeValueAsBytes(next));
        await().atMost(WAIT).untilAsserted(() -> assertThat(jdbc.queryForObject(
                "select count(*) from question_withdrawal where question_id = ?", Long.class, next.questionId()))
                .isEqualTo(1));

        assertThat(changedAt(asked.questionId())).isEqualTo(changedAt);
        assertThat(jdbc.queryForObject("select consent_withdrawn_at from question_withdrawal where question_id = ?",
                Timestamp.class, asked.questionId()).toInstant()).isEqualTo(withdrawal.occurredAt());
        assertThat(jdbc.queryForObject("select count(*) from processed_event where event_id = ?", Long.class,
                withdrawal.eventId())).isEqualTo(1);
    }

    @Test
    void aWithdrawalBeforeTheQuestionIsKeptAndTheQuestionNeverIndexed() throws Exception {
        String title = "Burning when I pee and I need to go all the time";
        String body = "Since two days it burns when I urinate and I have to run to the toilet every half hour. "
                + "Is this a bladder infection?";
        QuestionSubmitted early = question(title, body, true);
        QuestionSubmitted control = question(title, body, true);
        probe.send(new ConsentWithdrawn(UUID.randomUUID(), early.questionId(), Instant.now()));
        await().atMost(WAIT).untilAsserted(() -> assertThat(jdbc.queryForObject(
                "select count(*) from question_withdrawal where question_id = ?", Long.class, early.questionId()))
                .isEqualTo(1));

        answer(early, "This sounds like a bladder infection; your doctor can test your urine.");
        answer(control, "A urinary tract infection is likely; drink plenty and see your doctor for antibiotics.");
        await().atMost(WAIT).untilAsserted(() -> assertThat(similar(title + " " + body))
                .contains(control.questionId().toString()));
        assertThat(similar(title + " " + body)).doesNotContain(early.questionId().toString());
        ReplyEnriched later = answer(question("It burns when I urinate",
                "Burning pain when I pee and I need the toilet very often. Bladder infection?", true),
                "Probably a urinary tract infection.");
        assertThat(later.similarQuestions()).extracting(SimilarQuestion::id)
                .contains(control.questionId().toString()).doesNotContain(early.questionId().toString());
    }

    @Test
    void aWithdrawnQuestionIsNotSearchable() throws Exception {
        String title = "Itchy red rash in the folds of my elbows";
        String body = "My son has dry, itchy, red skin in the folds of his elbows and behind the knees. Eczema?";
        QuestionSubmitted asked = answeredAndFound(title, body,
                "This looks like atopic eczema; moisturise twice a day.");

        probe.send(new QuestionWithdrawn(UUID.randomUUID(), asked.questionId(), Instant.now()));

        await().atMost(WAIT).untilAsserted(() -> assertThat(similar(title + " " + body))
                .doesNotContain(asked.questionId().toString()));
        assertThat(jdbc.queryForObject("select question_withdrawn_at is not null from question_withdrawal "
                + "where question_id = ?", Boolean.class, asked.questionId())).isTrue();
    }

    @Test
    void aWithdrawalAnotherInstanceStoredHidesTheQuestionBeforeThisIndexCatchesUp() throws Exception {
        String title = "Hiccups that have not stopped for two days";
        String body = "I have had hiccups for two days now, day and night, and cannot sleep. What can stop them?";
        QuestionSubmitted asked = answeredAndFound(title, body,
                "Hiccups lasting over two days need a check-up; your doctor can prescribe a medicine.");

        // what another instance's listener stores; this instance's index learns of it only at its next sync
        jdbc.update("insert into question_withdrawal (question_id, consent_withdrawn_at) values (?, now())",
                asked.questionId());

        assertThat(similar(title + " " + body)).doesNotContain(asked.questionId().toString());
        ReplyEnriched later = answer(question("Hiccups for days", "My hiccups do not stop since two days.", true),
                "See your doctor if hiccups last longer than two days.");
        assertThat(later.similarQuestions()).extracting(SimilarQuestion::id)
                .doesNotContain(asked.questionId().toString());
    }

    @Test
    void malformedWithdrawalsAreDeadLetteredAndLaterOnesStillFlow() {
        UUID questionId = UUID.randomUUID();
        String key = questionId.toString();
        probe.sendRaw(Topics.CONSENT_WITHDRAWN, key, "not json".getBytes(StandardCharsets.UTF_8));
        probe.sendRaw(Topics.QUESTION_WITHDRAWN, key, "{\"eventId\": null}".getBytes(StandardCharsets.UTF_8));
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(probe.records(Topics.deadLetter(Topics.CONSENT_WITHDRAWN), key)).hasSize(1);
            assertThat(probe.records(Topics.deadLetter(Topics.QUESTION_WITHDRAWN), key)).hasSize(1);
        });

        probe.send(new ConsentWithdrawn(UUID.randomUUID(), questionId, Instant.now()));
        probe.send(new QuestionWithdrawn(UUID.randomUUID(), questionId, Instant.now()));
        await().atMost(WAIT).untilAsserted(() -> assertThat(jdbc.queryForObject("""
                select consent_withdrawn_at is not null and question_withdrawn_at is not null
                from question_withdrawal where question_id = ?
                """, Boolean.class, questionId)).isTrue());
    }

    private List<String> similar(String q) throws Exception {
        String response = mvc.perform(get("/api/similar").param("q", q).param("limit", "50"))
                .andReturn().getResponse().getContentAsString();
        return JsonPath.read(response, "$[?(@.kind == 'QUESTION')].id");
    }

    private Timestamp changedAt(UUID questionId) {
        return jdbc.queryForObject("select changed_at from answered_question where question_id = ?",
                Timestamp.class, questionId);
    }

    /** A consented question, answered, once search finds it by its own words. */
    private QuestionSubmitted answeredAndFound(String title, String body, String replyBody) {
        QuestionSubmitted asked = question(title, body, true);
        answer(asked, replyBody);
        await().atMost(WAIT).untilAsserted(() -> assertThat(similar(title + " " + body))
                .contains(asked.questionId().toString()));
        return asked;
    }

    private ReplyEnriched answer(QuestionSubmitted asked, String replyBody) {
        probe.send(asked);
        probe.send(new ReplyPosted(UUID.randomUUID(), asked.questionId(), Instant.now(), UUID.randomUUID(),
                UUID.randomUUID(), "Dr. Ye", Specialty.GENERAL_MEDICINE, replyBody));
        await().atMost(WAIT).untilAsserted(() ->
                assertThat(probe.events(ReplyEnriched.class, asked.questionId())).hasSize(1));
        return probe.events(ReplyEnriched.class, asked.questionId()).get(0);
    }

    private static QuestionSubmitted question(String title, String body, boolean consent) {
        UUID questionId = UUID.randomUUID();
        return new QuestionSubmitted(UUID.randomUUID(), questionId, Instant.now(), "Sam", AgeRange.FROM_40_TO_49,
                Gender.MALE, null, title, body, "en", consent, "http://127.0.0.1:8080/track/" + UUID.randomUUID(),
                "sam." + questionId + "@example.org", false);
    }
}
