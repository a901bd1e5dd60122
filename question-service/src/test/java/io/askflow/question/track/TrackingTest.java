package io.askflow.question.track;

import static io.askflow.question.Patients.ask;
import static io.askflow.question.Patients.assertNoEmail;
import static io.askflow.question.Patients.marker;
import static io.askflow.question.Patients.question;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.askflow.events.AskflowEvent;
import io.askflow.events.NotificationKind;
import io.askflow.events.NotificationSent;
import io.askflow.events.QuestionClaimed;
import io.askflow.events.QuestionProgressed;
import io.askflow.events.QuestionReleased;
import io.askflow.events.QuestionRouted;
import io.askflow.events.ReplyEnriched;
import io.askflow.events.ReplyEnriched.MoreInfo;
import io.askflow.events.ReplyEnriched.RelatedFaq;
import io.askflow.events.ReplyEnriched.SimilarQuestion;
import io.askflow.events.ReplyPosted;
import io.askflow.events.RoutedBy;
import io.askflow.events.Specialty;
import io.askflow.events.Step;
import io.askflow.events.Topics;
import io.askflow.testsupport.AskflowIntegrationTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import io.askflow.testsupport.Fixtures;
import io.askflow.testsupport.KafkaProbe;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.HtmlUtils;

@AskflowIntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)   // as every class: one shared context
class TrackingTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired KafkaProbe probe;
    @Autowired JdbcTemplate jdbc;

    record Asked(UUID id, String token, Instant at, String email) {
    }

    @Test
    void showsEachStepOfTheQuestionDatedByTheEventThatReportsIt() throws Exception {
        UUID earlier = publishedQuestion();
        Asked q = askOne();
        Instant t = q.at();

        probe.send(progressed(q.id(), Step.ASKED, t));
        QuestionRouted routed = routed(q.id(), Specialty.NEUROLOGY, t.plusSeconds(1));
        probe.send(routed);
        await().atMost(WAIT).untilAsserted(() -> {
            JsonNode tracking = track(q.token());
            assertThat(tracking.get("status").asText()).isEqualTo("ROUTED");
            assertThat(tracking.get("specialty").asText()).isEqualTo("Neurology");
            assertThat(tracking.get("statusText").asText()).contains("Neurology");
            assertThat(tracking.get("doctorName").isNull()).isTrue();
        });

        var claimed = new QuestionClaimed(UUID.randomUUID(), q.id(), t.plusSeconds(2), UUID.randomUUID(), "Dr. Ye",
                Specialty.NEUROLOGY);
        probe.send(claimed);
        await().atMost(WAIT).untilAsserted(() -> {
            JsonNode tracking = track(q.token());
            assertThat(tracking.get("status").asText()).isEqualTo("CLAIMED");
            assertThat(tracking.get("doctorName").asText()).isEqualTo("Dr. Ye");
        });

        ReplyPosted reply = replyPosted(q.id(), claimed, t.plusSeconds(3));
        probe.send(reply);
        ReplyEnriched enriched = enriched(q.id(), reply.replyId(), earlier, t.plusSeconds(4));
        probe.send(enriched);
        NotificationSent mailed = sent(q.id(), NotificationKind.ANSWERED, t.plusSeconds(5));
        probe.send(mailed);

        await().atMost(WAIT).untilAsserted(() -> {
            JsonNode tracking = track(q.token());
            assertThat(tracking.get("status").asText()).isEqualTo("NOTIFIED");
            assertThat(steps(tracking)).containsExactly("ASKED", "ROUTED", "CLAIMED", "REPLIED", "ENRICHED", "NOTIFIED");
            assertThat(tracking.at("/reply/body").asText()).isEqualTo(reply.body());
            assertThat(tracking.at("/reply/doctorName").asText()).isEqualTo("Dr. Ye");
            assertThat(tracking.at("/reply/specialty").asText()).isEqualTo("Neurology");
            assertThat(tracking.at("/enrichment/moreInfo/0/source").asText()).isEqualTo("MedlinePlus");
            assertThat(tracking.at("/enrichment/similarQuestions/0/title").asText()).isEqualTo("My face feels numb");
            assertThat(tracking.at("/enrichment/relatedFaq/0/slug").asText()).isEqualTo("facial-nerve-palsy");
            assertThat(tracking.get("publicUrl").asText()).isEqualTo("/questions/" + q.id());
        });
        JsonNode tracking = track(q.token());
        assertThat(dates(tracking)).as("each the occurredAt of the event that reported the step").containsExactly(t,
                micros(routed.occurredAt()), micros(claimed.occurredAt()), micros(reply.occurredAt()),
                micros(enriched.occurredAt()), micros(mailed.occurredAt()));
        assertNoEmail(tracking.toString(), q.email());

        String page = mvc.perform(get("/track/" + q.token())).andExpect(status().isOk())
                .andExpect(header().string("Referrer-Policy", "no-referrer"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("Answered: the reply is below, and we have emailed you about it.")
                .contains("Dr. Ye reply Neurology").contains(HtmlUtils.htmlEscape(reply.body())).contains("Reply Date")
                .contains("More Info")
                .contains("href=\"https://medlineplus.gov/bellspalsy.html\" rel=\"noopener noreferrer\"")
                .contains("Similar Q&amp;A").contains("Related FAQ").contains("Facial Nerve Palsy (Neurology)")
                .contains("NOTIFIED").contains("not a diagnosis");
        assertNoEmail(page, q.email());
    }

    @Test
    void ordersTheTimelineByDateWhateverOrderTheStepsComeIn() throws Exception {
        Asked q = askOne();
        probe.send(routed(q.id(), Specialty.NEUROLOGY, q.at().plusSeconds(1)));
        probe.send(progressed(q.id(), Step.ASKED, q.at()));

        await().atMost(WAIT).untilAsserted(() -> {
            JsonNode tracking = track(q.token());
            assertThat(steps(tracking)).containsExactly("ASKED", "ROUTED");
            assertThat(tracking.get("status").asText()).isEqualTo("ROUTED");
        });
    }

    @Test
    void aStepDeliveredTwiceIsRecordedOnce() throws Exception {
        Asked q = askOne();
        QuestionProgressed reminded = progressed(q.id(), Step.REMINDED, q.at().plusSeconds(1));
        probe.send(reminded);
        probe.send(reminded);                                                          // a redelivery
        probe.send(progressed(q.id(), Step.REMINDED, q.at().plusSeconds(1)));          // republished: new id, same step
        QuestionProgressed marker = progressed(q.id(), Step.OVERDUE, q.at().plusSeconds(2));
        probe.send(marker);

        await().atMost(WAIT).untilAsserted(() -> assertThat(steps(track(q.token()))).containsExactly("REMINDED", "OVERDUE"));
        assertThat(jdbc.queryForObject("select count(*) from processed_event where event_id = ?", Integer.class,
                reminded.eventId())).isOne();
    }

    @Test
    void onlyTheFirstRoutingIsRoutedWhateverOrderTheRoutingsComeIn() throws Exception {
        Asked q = askOne();
        QuestionRouted requeued = routed(q.id(), Specialty.NEUROLOGY, q.at().plusSeconds(5));   // after a release
        QuestionRouted first = routed(q.id(), Specialty.NEUROLOGY, q.at().plusSeconds(1));
        probe.send(requeued);
        probe.send(first);
        probe.send(first);                                                             // a redelivery
        probe.send(routed(q.id(), Specialty.DERMATOLOGY, q.at().plusSeconds(6)));      // a re-route
        probe.send(progressed(q.id(), Step.ASKED, q.at()));

        await().atMost(WAIT).untilAsserted(() -> {
            JsonNode tracking = track(q.token());
            assertThat(steps(tracking)).containsExactly("ASKED", "ROUTED");
            assertThat(tracking.get("specialty").asText()).isEqualTo("Dermatology");
        });
        assertThat(dates(track(q.token()))).containsExactly(q.at(), micros(first.occurredAt()));
    }

    @Test
    void aProgressedStepThatItsOwnEventReportsAddsNothing() throws Exception {
        Asked q = askOne();
        probe.send(routed(q.id(), Specialty.NEUROLOGY, q.at().plusSeconds(1)));
        // as a workflow published them before it left these steps to their events: dated by its own clock
        for (Step step : List.of(Step.ROUTED, Step.CLAIMED, Step.REPLIED, Step.NOTIFIED)) {
            probe.send(progressed(q.id(), step, q.at().plusSeconds(2)));
        }
        probe.send(progressed(q.id(), Step.ASKED, q.at()));

        await().atMost(WAIT).untilAsserted(() -> assertThat(steps(track(q.token()))).containsExactly("ASKED", "ROUTED"));
        assertThat(track(q.token()).get("status").asText()).isEqualTo("ROUTED");
    }

    @Test
    void anEmptyEnrichmentAndAReplyEnrichedGiveOneEnrichedDatedAsTheWorkflowDatesIt() throws Exception {
        Asked late = askOne();
        ReplyPosted reply = Fixtures.replyPosted(late.id(), Specialty.NEUROLOGY);
        Instant gaveUp = late.at().plusSeconds(120);
        probe.send(progressed(late.id(), Step.ENRICHED, gaveUp));
        probe.send(enriched(late.id(), reply.replyId(), UUID.randomUUID(), gaveUp.plusSeconds(30)));
        Asked early = askOne();
        probe.send(enriched(early.id(), reply.replyId(), UUID.randomUUID(), early.at().plusSeconds(60)));
        // the workflow gave up before it got that reply.enriched: its date stands, whichever event comes here first
        probe.send(progressed(early.id(), Step.ENRICHED, early.at().plusSeconds(120)));

        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(track(late.token()).at("/enrichment/moreInfo/0/title").asText()).isEqualTo("Bell's palsy");
            assertThat(steps(track(late.token()))).containsExactly("ENRICHED");
            assertThat(dates(track(late.token()))).containsExactly(gaveUp);
            assertThat(dates(track(early.token()))).containsExactly(early.at().plusSeconds(120));
        });
    }

    @Test
    void theFirstAnsweredMailMakesTheQuestionNotifiedAndOtherMailsNothing() throws Exception {
        Asked q = askOne();
        probe.send(progressed(q.id(), Step.ENRICHED, q.at().plusSeconds(1)));
        probe.send(sent(q.id(), NotificationKind.RECEIVED, q.at().plusSeconds(2)));
        probe.send(sent(q.id(), NotificationKind.DELAYED, q.at().plusSeconds(3)));
        NotificationSent answered = sent(q.id(), NotificationKind.ANSWERED, q.at().plusSeconds(4));
        probe.send(answered);
        probe.send(answered);                                                           // a redelivery
        NotificationSent again = sent(q.id(), NotificationKind.ANSWERED, q.at().plusSeconds(5));
        probe.send(again);

        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(processed(again.eventId())).isOne();
            assertThat(steps(track(q.token()))).containsExactly("ENRICHED", "NOTIFIED");
        });
        JsonNode tracking = track(q.token());
        assertThat(dates(tracking)).last().isEqualTo(micros(answered.occurredAt()));
        assertThat(tracking.get("status").asText()).isEqualTo("NOTIFIED");
    }

    @Test
    void theDoctorNameFollowsClaimsAndReleasesAndIgnoresRedeliveries() throws Exception {
        Asked q = askOne();
        Instant t = q.at();
        UUID doctorA = UUID.randomUUID();
        var claimA = new QuestionClaimed(UUID.randomUUID(), q.id(), t.plusSeconds(1), doctorA, "Dr. Lin", Specialty.NEUROLOGY);
        probe.send(claimA);
        await().atMost(WAIT).untilAsserted(() -> assertThat(track(q.token()).get("doctorName").asText()).isEqualTo("Dr. Lin"));

        probe.send(new QuestionReleased(UUID.randomUUID(), q.id(), t.plusSeconds(2), doctorA, "Dr. Lin", Specialty.NEUROLOGY, null));
        await().atMost(WAIT).untilAsserted(() -> assertThat(track(q.token()).get("doctorName").isNull()).isTrue());

        probe.send(claimA);                                                            // a redelivery: nothing changes
        var claimB = new QuestionClaimed(UUID.randomUUID(), q.id(), t.plusSeconds(3), UUID.randomUUID(), "Dr. Ye", Specialty.NEUROLOGY);
        probe.send(claimB);
        await().atMost(WAIT).untilAsserted(() -> assertThat(track(q.token()).get("doctorName").asText()).isEqualTo("Dr. Ye"));
        assertThat(jdbc.queryForObject("select count(*) from processed_event where event_id = ?", Integer.class,
                claimA.eventId())).isOne();
    }

    @Test
    void aLaterRoutingWinsAndARedeliveredOneChangesNothing() throws Exception {
        Asked q = askOne();
        QuestionRouted first = routed(q.id(), Specialty.GENERAL_MEDICINE, q.at().plusSeconds(1));
        probe.send(first);
        probe.send(routed(q.id(), Specialty.NEUROLOGY, q.at().plusSeconds(2)));
        await().atMost(WAIT).untilAsserted(() -> assertThat(track(q.token()).get("specialty").asText()).isEqualTo("Neurology"));

        probe.send(first);
        probe.send(progressed(q.id(), Step.ASKED, q.at()));                            // after it: a barrier
        await().atMost(WAIT).untilAsserted(() -> assertThat(steps(track(q.token()))).containsExactly("ASKED", "ROUTED"));
        assertThat(track(q.token()).get("specialty").asText()).isEqualTo("Neurology");
    }

    @Test
    void aReplyAndItsEnrichmentDeliveredTwiceChangeNothing() throws Exception {
        Asked q = askOne();
        ReplyPosted reply = Fixtures.replyPosted(q.id(), Specialty.NEUROLOGY);
        ReplyEnriched enriched = enriched(q.id(), reply.replyId(), UUID.randomUUID());
        probe.send(enriched);                                   // may come first: it needs only the question
        probe.send(reply);
        await().atMost(WAIT).untilAsserted(() -> {
            JsonNode tracking = track(q.token());
            assertThat(tracking.at("/reply/body").asText()).isEqualTo(reply.body());
            assertThat(tracking.at("/enrichment/moreInfo/0/title").asText()).isEqualTo("Bell's palsy");
        });
        JsonNode before = track(q.token());

        probe.send(reply);
        probe.send(enriched);
        probe.send(progressed(q.id(), Step.ASKED, q.at()));                            // after them: a barrier
        await().atMost(WAIT).untilAsserted(() -> assertThat(steps(track(q.token())))
                .containsExactly("ASKED", "REPLIED", "ENRICHED"));
        JsonNode after = track(q.token());
        assertThat(after.get("reply")).isEqualTo(before.get("reply"));
        assertThat(after.get("enrichment")).isEqualTo(before.get("enrichment"));
        assertThat(jdbc.queryForObject("select count(*) from processed_event where event_id in (?, ?)", Integer.class,
                reply.eventId(), enriched.eventId())).isEqualTo(2);
    }

    static Stream<Arguments> consumedTopics() {
        return Stream.of(
                consumed(Topics.QUESTION_PROGRESSED, q -> progressed(q.id(), Step.ASKED, q.at())),
                consumed(Topics.QUESTION_ROUTED, q -> routed(q.id(), Specialty.NEUROLOGY, q.at())),
                consumed(Topics.QUESTION_CLAIMED, q -> Fixtures.questionClaimed(q.id(), Specialty.NEUROLOGY)),
                consumed(Topics.QUESTION_RELEASED, q -> new QuestionReleased(UUID.randomUUID(), q.id(), Instant.now(),
                        UUID.randomUUID(), "Dr. Ye", Specialty.NEUROLOGY, "busy")),
                consumed(Topics.REPLY_POSTED, q -> Fixtures.replyPosted(q.id(), Specialty.NEUROLOGY)),
                consumed(Topics.REPLY_ENRICHED, q -> enriched(q.id(), UUID.randomUUID(), UUID.randomUUID())),
                consumed(Topics.NOTIFICATION_SENT, q -> sent(q.id(), NotificationKind.ANSWERED, Instant.now())));
    }

    private static Arguments consumed(String topic, Function<Asked, AskflowEvent> goodEvent) {
        return Arguments.of(topic, goodEvent);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("consumedTopics")
    void aMalformedRecordIsDeadLetteredAndLaterRecordsStillFlow(String topic, Function<Asked, AskflowEvent> goodEvent)
            throws Exception {
        Asked q = askOne();
        probe.sendRaw(topic, q.id().toString(), "not json".getBytes(StandardCharsets.UTF_8));
        AskflowEvent good = goodEvent.apply(q);
        probe.send(good);

        await().atMost(WAIT).untilAsserted(() ->
                assertThat(probe.records(Topics.deadLetter(topic), q.id().toString())).hasSize(1));
        await().atMost(WAIT).untilAsserted(() -> assertThat(processed(good.eventId())).isOne());
    }

    @Test
    void anEventForAnUnknownQuestionIsRetriedThenDeadLettered() {
        UUID unknown = UUID.randomUUID();
        QuestionProgressed event = progressed(unknown, Step.ASKED, Instant.now());
        probe.send(event);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(probe.records(Topics.deadLetter(Topics.QUESTION_PROGRESSED), unknown.toString())).hasSize(1));
        assertThat(processed(event.eventId())).isZero();
    }

    @Test
    void anUnknownTokenIsNotFoundWithNoHint() throws Exception {
        Asked q = askOne();
        String missing = q.token().substring(0, q.token().length() - 2) + (q.token().endsWith("AA") ? "BB" : "AA");

        mvc.perform(get("/api/track/" + missing)).andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        String page = mvc.perform(get("/track/" + missing).accept(MediaType.TEXT_HTML)).andExpect(status().isNotFound())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        String never = mvc.perform(get("/track/never-issued").accept(MediaType.TEXT_HTML)).andExpect(status().isNotFound())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("Page not found").isEqualTo(never);
    }

    private Asked askOne() throws Exception {
        Map<String, Object> sent = question(marker());
        JsonNode asked = ask(mvc, json, sent);
        return new Asked(UUID.fromString(asked.get("id").asText()), asked.get("trackingToken").asText(),
                Instant.parse(asked.get("askedAt").asText()), sent.get("email").toString());
    }

    private JsonNode track(String token) throws Exception {
        String body = mvc.perform(get("/api/track/" + token)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        return json.readTree(body);
    }

    /** An answered question whose asker consented: on the public archive. */
    private UUID publishedQuestion() throws Exception {
        Asked earlier = askOne();
        probe.send(Fixtures.replyPosted(earlier.id(), Specialty.NEUROLOGY));
        await().atMost(WAIT).untilAsserted(() -> mvc.perform(get("/questions/" + earlier.id()))
                .andExpect(status().isOk()));
        return earlier.id();
    }

    private static List<String> steps(JsonNode tracking) {
        List<String> steps = new ArrayList<>();
        tracking.get("timeline").forEach(s -> steps.add(s.get("step").asText()));
        return steps;
    }

    private static List<Instant> dates(JsonNode tracking) {
        List<Instant> dates = new ArrayList<>();
        tracking.get("timeline").forEach(s -> dates.add(Instant.parse(s.get("at").asText())));
        return dates;
    }

    /** How PostgreSQL keeps an event's date (timestamptz: microseconds, rounded). */
    private static Instant micros(Instant instant) {
        return instant.plusNanos(500).truncatedTo(ChronoUnit.MICROS);
    }

    private int processed(UUID eventId) {
        return jdbc.queryForObject("select count(*) from processed_event where event_id = ?", Integer.class, eventId);
    }

    static QuestionProgressed progressed(UUID questionId, Step step, Instant at) {
        return new QuestionProgressed(UUID.randomUUID(), questionId, at, step, at.truncatedTo(ChronoUnit.MICROS),
                Specialty.NEUROLOGY, null);
    }

    static QuestionRouted routed(UUID questionId, Specialty specialty, Instant at) {
        return new QuestionRouted(UUID.randomUUID(), questionId, at, specialty, RoutedBy.PATIENT, 50,
                at.plus(Duration.ofHours(24)), at.plus(Duration.ofHours(72)));
    }

    static ReplyPosted replyPosted(UUID questionId, QuestionClaimed claim, Instant at) {
        return new ReplyPosted(UUID.randomUUID(), questionId, at, UUID.randomUUID(), claim.doctorId(),
                claim.doctorName(), claim.specialty(), "Most often this is a palsy of the facial nerve; please see a doctor today.");
    }

    static NotificationSent sent(UUID questionId, NotificationKind kind, Instant at) {
        return new NotificationSent(UUID.randomUUID(), questionId, at, UUID.randomUUID(), kind, 1);
    }

    static ReplyEnriched enriched(UUID questionId, UUID replyId, UUID similarQuestionId) {
        return enriched(questionId, replyId, similarQuestionId, Instant.now());
    }

    /** An enrichment whose Similar Q&amp;A names one earlier Askflow question. */
    static ReplyEnriched enriched(UUID questionId, UUID replyId, UUID similarQuestionId, Instant at) {
        return new ReplyEnriched(UUID.randomUUID(), questionId, at, replyId,
                List.of(new MoreInfo("Bell's palsy", "Bell's palsy is a weakness of the facial nerve.", "MedlinePlus",
                        "https://medlineplus.gov/bellspalsy.html")),
                List.of(new SimilarQuestion(similarQuestionId.toString(), "QUESTION", "My face feels numb",
                        "Half of my face feels numb since yesterday.", "Dr. Lin", Specialty.NEUROLOGY,
                        "Numbness alone is rarely Bell's palsy.", "Askflow", null)),
                List.of(new RelatedFaq("Facial Nerve Palsy", Specialty.NEUROLOGY, "facial-nerve-palsy")));
    }
}
