package io.askflow.workflow.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.askflow.events.NotificationKind;
import io.askflow.events.NotificationRequested;
import io.askflow.events.NotificationSent;
import io.askflow.events.QuestionClaimed;
import io.askflow.events.QuestionProgressed;
import io.askflow.events.QuestionRouted;
import io.askflow.events.QuestionSubmitted;
import io.askflow.events.QuestionWithdrawn;
import io.askflow.events.ReplyEnriched;
import io.askflow.events.ReplyPosted;
import io.askflow.events.RerouteRequested;
import io.askflow.events.RoutedBy;
import io.askflow.events.Specialty;
import io.askflow.events.Step;
import io.askflow.events.Topics;
import io.askflow.events.TrackingLinkRequested;
import io.askflow.testsupport.AskflowIntegrationTest;
import io.askflow.testsupport.Fixtures;
import io.askflow.testsupport.KafkaProbe;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The whole service on a real broker and database, with its job executor: events in, events and API out. */
@AskflowIntegrationTest(properties = "askflow.security.admin.password=s3cret",
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class WorkflowKafkaTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    /** The operator login of this test's properties: the engine and timeline APIs are the operator's. */
    private static final RequestPostProcessor OPERATOR = httpBasic("admin", "s3cret");

    @Autowired KafkaProbe kafka;
    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired RuntimeService runtime;
    @Autowired HistoryService history;
    @Autowired JdbcTemplate jdbc;
    @Autowired IdentityService identity;
    @LocalServerPort int port;

    @Test
    void questionTravelsFromSubmissionToNotifiedWithEveryStepDatedByTheEventThatLedToIt() throws Exception {
        QuestionSubmitted submitted = Fixtures.questionSubmitted(Specialty.NEUROLOGY);
        UUID questionId = submitted.questionId();

        kafka.send(submitted);

        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(kafka.events(QuestionRouted.class, questionId)).singleElement().satisfies(routed -> {
                assertThat(routed.specialty()).isEqualTo(Specialty.NEUROLOGY);
                assertThat(routed.routedBy()).isEqualTo(RoutedBy.PATIENT);
                assertThat(routed.claimDueAt()).isAfter(routed.occurredAt());
                assertThat(routed.replyDueAt()).isAfter(routed.claimDueAt());
            });
            assertThat(kafka.events(NotificationRequested.class, questionId)).extracting(NotificationRequested::kind)
                    .containsExactly(NotificationKind.RECEIVED);
            assertThat(steps(questionId)).containsExactly(Step.ASKED, Step.ROUTED);
        });

        QuestionClaimed claim = Fixtures.questionClaimed(questionId, Specialty.NEUROLOGY);
        kafka.send(claim);
        ReplyPosted reply = Fixtures.replyPosted(questionId, Specialty.NEUROLOGY);
        kafka.send(reply);
        ReplyEnriched enriched = Fixtures.replyEnriched(questionId, reply.replyId());
        kafka.send(enriched);
        NotificationRequested answered = await().atMost(WAIT).until(() -> answeredMail(questionId), m -> m != null);
        assertThat(answered.doctorName()).isEqualTo("Dr. Ye");
        assertThat(answered.trackingUrl()).as("notification-service has the link from the question's contact").isNull();

        kafka.send(sent(questionId, UUID.randomUUID(), NotificationKind.RECEIVED));
        NotificationSent answeredSent = sent(questionId, answered.notificationId(), NotificationKind.ANSWERED);
        kafka.send(answeredSent);

        await().atMost(WAIT).untilAsserted(() -> assertThat(steps(questionId)).containsExactly(Step.ASKED,
                Step.ROUTED, Step.CLAIMED, Step.REPLIED, Step.ENRICHED, Step.NOTIFIED));
        JsonNode timeline = json.readTree(mvc.perform(get("/api/questions/{id}/timeline", questionId).with(OPERATOR))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        List<String> steps = new ArrayList<>();
        List<Instant> dates = new ArrayList<>();
        timeline.forEach(entry -> {
            steps.add(entry.get("step").asText());
            dates.add(Instant.parse(entry.get("at").asText()));
        });
        assertThat(steps).containsExactly("ASKED", "ROUTED", "CLAIMED", "REPLIED", "ENRICHED", "NOTIFIED");
        assertThat(dates).isSorted();
        Instant routedAt = kafka.events(QuestionRouted.class, questionId).get(0).occurredAt();
        List<Instant> eventDates = List.of(submitted.occurredAt(), routedAt, claim.occurredAt(), reply.occurredAt(),
                enriched.occurredAt(), answeredSent.occurredAt());
        for (int i = 0; i < eventDates.size(); i++) {                        // timestamptz: microseconds
            assertThat(dates.get(i)).as(steps.get(i)).isCloseTo(eventDates.get(i), within(1, ChronoUnit.MICROS));
        }
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(questionId.toString())
                .finished().count()).isOne();
        assertThat(progressed(questionId)).as("the other steps travel as the events that led to them")
                .containsExactly(Step.ASKED);
    }

    @Test
    void duplicateSubmissionStartsOneProcess() {
        QuestionSubmitted submitted = Fixtures.questionSubmitted(Specialty.DERMATOLOGY);
        QuestionSubmitted sameQuestionNewEvent = new QuestionSubmitted(UUID.randomUUID(), submitted.questionId(),
                submitted.occurredAt(), submitted.nickname(), submitted.ageRange(), submitted.gender(),
                submitted.requestedSpecialty(), submitted.title(), submitted.body(), submitted.language(),
                submitted.consentToPublish(), submitted.trackingUrl(), submitted.contactEmail(), submitted.urgent());

        kafka.send(submitted);
        kafka.send(submitted);
        kafka.send(sameQuestionNewEvent);

        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(jdbc.queryForObject("select count(*) from processed_event where event_id in (?, ?)",
                    Long.class, submitted.eventId(), sameQuestionNewEvent.eventId())).isEqualTo(2);
            assertThat(steps(submitted.questionId())).containsExactly(Step.ASKED, Step.ROUTED);
        });
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(submitted.questionId().toString())
                .count()).isOne();
        assertThat(kafka.events(QuestionRouted.class, submitted.questionId())).hasSize(1);
    }

    @Test
    void enrichmentBeforeItsReplyIsRetriedUntilTheProcessWaitsForIt() {
        QuestionSubmitted submitted = Fixtures.questionSubmitted(Specialty.NEUROLOGY);
        UUID questionId = submitted.questionId();
        kafka.send(submitted);
        kafka.send(Fixtures.questionClaimed(questionId, Specialty.NEUROLOGY));
        ReplyPosted reply = Fixtures.replyPosted(questionId, Specialty.NEUROLOGY);

        kafka.send(Fixtures.replyEnriched(questionId, reply.replyId()));
        await().atMost(WAIT).untilAsserted(() -> assertThat(steps(questionId)).contains(Step.CLAIMED));
        kafka.send(reply);

        NotificationRequested answered = await().atMost(WAIT).until(() -> answeredMail(questionId), m -> m != null);
        kafka.send(sent(questionId, answered.notificationId(), NotificationKind.ANSWERED));
        await().atMost(WAIT).untilAsserted(() -> assertThat(steps(questionId)).containsExactly(Step.ASKED,
                Step.ROUTED, Step.CLAIMED, Step.REPLIED, Step.ENRICHED, Step.NOTIFIED));
        assertThat(kafka.records(Topics.deadLetter(Topics.REPLY_ENRICHED), questionId.toString())).isEmpty();
    }

    @Test
    void malformedRecordsGoToTheirDeadLetterTopicsAndLaterRecordsFlow() {
        List<String> topics = List.of(Topics.QUESTION_SUBMITTED, Topics.QUESTION_CLAIMED, Topics.QUESTION_RELEASED,
                Topics.REPLY_POSTED, Topics.REPLY_ENRICHED, Topics.NOTIFICATION_SENT, Topics.NOTIFICATION_FAILED,
                Topics.REROUTE_REQUESTED, Topics.QUESTION_WITHDRAWN);
        String key = UUID.randomUUID().toString();
        topics.forEach(topic -> kafka.sendRaw(topic, key, "not json".getBytes(StandardCharsets.UTF_8)));

        QuestionSubmitted later = Fixtures.questionSubmitted(null);
        kafka.send(later);

        await().atMost(WAIT).untilAsserted(() -> {
            topics.forEach(topic -> assertThat(kafka.records(Topics.deadLetter(topic), key)).as(topic).hasSize(1));
            assertThat(kafka.events(QuestionRouted.class, later.questionId())).singleElement().satisfies(routed -> {
                assertThat(routed.specialty()).isEqualTo(Specialty.NEUROLOGY);      // no choice: the classifier's
                assertThat(routed.routedBy()).isEqualTo(RoutedBy.CLASSIFIER);
            });
        });
    }

    @Test
    void triageRerouteIsTakenOnceEvenWhenDeliveredTwice() {
        QuestionSubmitted submitted = vague();
        UUID questionId = submitted.questionId();
        kafka.send(submitted);
        await().atMost(WAIT).untilAsserted(() -> assertThat(kafka.events(QuestionRouted.class, questionId))
                .singleElement().extracting(QuestionRouted::routedBy).isEqualTo(RoutedBy.RULE));
        RerouteRequested reroute = new RerouteRequested(UUID.randomUUID(), questionId, Instant.now(),
                UUID.randomUUID(), "Dr. Lin", Specialty.GENERAL_MEDICINE, Specialty.DERMATOLOGY, "itchy rash");
        RerouteRequested thereAlready = new RerouteRequested(UUID.randomUUID(), questionId, Instant.now(),
                UUID.randomUUID(), "Dr. Lin", Specialty.DERMATOLOGY, Specialty.DERMATOLOGY, null);

        kafka.send(reroute);
        kafka.send(reroute);
        kafka.send(thereAlready);                          // same partition: taken in after both copies

        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(processed(thereAlready.eventId())).isTrue();
            assertThat(steps(questionId)).containsExactly(Step.ASKED, Step.ROUTED, Step.REROUTED);
            assertThat(progressed(questionId)).containsExactly(Step.ASKED, Step.REROUTED);
            assertThat(kafka.events(QuestionRouted.class, questionId)).extracting(QuestionRouted::routedBy)
                    .containsExactly(RoutedBy.RULE, RoutedBy.TRIAGE);
        });
        assertThat(kafka.events(QuestionRouted.class, questionId).get(1).specialty()).isEqualTo(Specialty.DERMATOLOGY);
    }

    @Test
    void withdrawalEndsTheProcessOnceAndALateClaimAndReplyAreAcknowledged() {
        QuestionSubmitted submitted = Fixtures.questionSubmitted(Specialty.NEUROLOGY);
        UUID questionId = submitted.questionId();
        kafka.send(submitted);
        await().atMost(WAIT).untilAsserted(() -> assertThat(steps(questionId)).contains(Step.ROUTED));
        QuestionWithdrawn withdrawn = new QuestionWithdrawn(UUID.randomUUID(), questionId, Instant.now());
        QuestionWithdrawn again = new QuestionWithdrawn(UUID.randomUUID(), questionId, Instant.now());
        var lateClaim = Fixtures.questionClaimed(questionId, Specialty.NEUROLOGY);

        kafka.send(withdrawn);
        kafka.send(withdrawn);
        kafka.send(again);                                 // same partition: taken in after both copies
        await().atMost(WAIT).untilAsserted(() -> assertThat(processed(again.eventId())).isTrue());

        kafka.send(lateClaim);
        ReplyPosted lateReply = Fixtures.replyPosted(questionId, Specialty.NEUROLOGY);
        kafka.send(lateReply);

        await().atMost(WAIT).untilAsserted(() -> assertThat(processed(lateClaim.eventId())).isTrue());
        await().atMost(WAIT).untilAsserted(() -> assertThat(processed(lateReply.eventId())).isTrue());
        await().atMost(WAIT).untilAsserted(() -> assertThat(steps(questionId))
                .containsExactly(Step.ASKED, Step.ROUTED, Step.WITHDRAWN));
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(questionId.toString())
                .finished().count()).isOne();
        assertThat(kafka.records(Topics.deadLetter(Topics.QUESTION_CLAIMED), questionId.toString())).isEmpty();
        assertThat(kafka.records(Topics.deadLetter(Topics.QUESTION_WITHDRAWN), questionId.toString())).isEmpty();
        assertThat(kafka.records(Topics.deadLetter(Topics.REPLY_POSTED), questionId.toString())).isEmpty();
    }

    @Test
    void aWithdrawalThatCrossesTheClaimWinsAndTheReplyAfterItIsAcknowledged() {
        QuestionSubmitted submitted = Fixtures.questionSubmitted(Specialty.NEUROLOGY);
        UUID questionId = submitted.questionId();
        kafka.send(submitted);
        await().atMost(WAIT).untilAsserted(() -> assertThat(steps(questionId)).contains(Step.ROUTED));
        kafka.send(Fixtures.questionClaimed(questionId, Specialty.NEUROLOGY));
        await().atMost(WAIT).untilAsserted(() -> assertThat(steps(questionId)).contains(Step.CLAIMED));
        var withdrawn = new QuestionWithdrawn(UUID.randomUUID(), questionId, Instant.now());
        // the doctor pressed Send before reply-service heard of the withdrawal; enrichment did its part too
        ReplyPosted crossing = Fixtures.replyPosted(questionId, Specialty.NEUROLOGY);
        ReplyEnriched enriched = Fixtures.replyEnriched(questionId, crossing.replyId());

        kafka.send(withdrawn);
        await().atMost(WAIT).untilAsserted(() -> assertThat(steps(questionId)).contains(Step.WITHDRAWN));
        kafka.send(crossing);
        kafka.send(enriched);

        await().atMost(WAIT).untilAsserted(() -> assertThat(processed(crossing.eventId())).isTrue());
        await().atMost(WAIT).untilAsserted(() -> assertThat(processed(enriched.eventId())).isTrue());
        assertThat(steps(questionId)).containsExactly(Step.ASKED, Step.ROUTED, Step.CLAIMED, Step.WITHDRAWN);
        await().atMost(WAIT).untilAsserted(() -> assertThat(progressed(questionId))
                .containsExactly(Step.ASKED, Step.WITHDRAWN));
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(questionId.toString())
                .finished().count()).isOne();
        assertThat(answeredMail(questionId)).isNull();
        assertThat(kafka.records(Topics.deadLetter(Topics.REPLY_POSTED), questionId.toString())).isEmpty();
        assertThat(kafka.records(Topics.deadLetter(Topics.REPLY_ENRICHED), questionId.toString())).isEmpty();
    }

    @Test
    void aTrackingLinkRequestBecomesOneTrackingLinkMailRequestEvenAfterTheProcess() {
        QuestionSubmitted submitted = Fixtures.questionSubmitted(Specialty.NEUROLOGY);
        UUID questionId = submitted.questionId();
        kafka.send(submitted);
        await().atMost(WAIT).untilAsserted(() -> assertThat(steps(questionId)).contains(Step.ROUTED));
        kafka.send(new QuestionWithdrawn(UUID.randomUUID(), questionId, Instant.now()));
        await().atMost(WAIT).untilAsserted(() -> assertThat(steps(questionId)).contains(Step.WITHDRAWN));
        TrackingLinkRequested requested = new TrackingLinkRequested(UUID.randomUUID(), questionId, Instant.now());
        TrackingLinkRequested askedAgain = new TrackingLinkRequested(UUID.randomUUID(), questionId, Instant.now());

        kafka.send(requested);
        kafka.send(requested);
        kafka.send(askedAgain);                            // same partition: taken in after both copies

        await().atMost(WAIT).untilAsserted(() -> assertThat(processed(askedAgain.eventId())).isTrue());
        await().atMost(WAIT).untilAsserted(() -> assertThat(kafka.events(NotificationRequested.class, questionId))
                .filteredOn(request -> request.kind() == NotificationKind.TRACKING_LINK).hasSize(2));
        assertThat(steps(questionId)).as("no step of its own").doesNotContain(Step.NOTIFIED);
    }

    @Test
    void routingSuggestionTakesFiveThousandCharactersOfAnyScriptInItsUrl() throws Exception {
        String body = URLEncoder.encode("😭 頭痛 ".repeat(1000), StandardCharsets.UTF_8);    // 5000 characters
        var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/api/routing/suggest?title=" + URLEncoder.encode("🤒 help", StandardCharsets.UTF_8)
                        + "&body=" + body)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json.readTree(response.body()).get("wouldRouteTo").asText()).isNotBlank();
    }

    @Test
    void timelineOfAnUnknownQuestionIsNotFound() throws Exception {
        mvc.perform(get("/api/questions/{id}/timeline", UUID.randomUUID()).with(OPERATOR))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void engineReportsItsHistoryLevelAndHowLongAStepStaysWithACrashedInstance() throws Exception {
        mvc.perform(get("/api/engine").with(OPERATOR))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.historyLevel").value("activity"))
                .andExpect(jsonPath("$.jobExecutorActive").value(true))
                .andExpect(jsonPath("$.jobLockTimeMillis").value(60_000));
    }

    @Test
    void cockpitIsServedAndItsAdminIsTheOperatorLogin() throws Exception {
        assertThat(identity.checkPassword("admin", "s3cret")).isTrue();
        assertThat(identity.createUserQuery().userId("admin").memberOfGroup("camunda-admin").count()).isOne();
        var cockpit = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/camunda/app/cockpit/default/")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(cockpit.statusCode()).isEqualTo(200);
        assertThat(cockpit.body()).containsIgnoringCase("cockpit");
    }

    @Test
    void healthCoversDatabaseAndKafkaAndTheApiIsDescribed() throws Exception {
        mvc.perform(get("/actuator/health"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.components.db.status").value("UP"))
                .andExpect(jsonPath("$.components.kafka.status").value("UP"));
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/questions/{id}/timeline']").exists())
                .andExpect(jsonPath("$.paths['/api/engine']").exists())
                .andExpect(jsonPath("$.paths['/api/routing/suggest'].get").exists());
    }

    /** The steps the workflow recorded, every one, in the order it reached them. */
    private List<Step> steps(UUID questionId) {
        return jdbc.queryForList("select step from question_step where question_id = ? order by id", String.class,
                questionId).stream().map(Step::valueOf).toList();
    }

    /** The steps published as question.progressed, for question-service. */
    private List<Step> progressed(UUID questionId) {
        return kafka.events(QuestionProgressed.class, questionId).stream().map(QuestionProgressed::step).toList();
    }

    private boolean processed(UUID eventId) {
        return jdbc.queryForObject("select count(*) from processed_event where event_id = ?", Long.class, eventId) == 1;
    }

    /** A question that names no specialty: routing sends it to General Medicine triage. */
    private static QuestionSubmitted vague() {
        QuestionSubmitted f = Fixtures.questionSubmitted(null);
        return new QuestionSubmitted(f.eventId(), f.questionId(), f.occurredAt(), f.nickname(), f.ageRange(),
                f.gender(), null, "A question for a doctor",
                "Hello, I would like to ask something about my situation, thank you.", f.language(),
                f.consentToPublish(), f.trackingUrl(), f.contactEmail(), f.urgent());
    }

    private NotificationRequested answeredMail(UUID questionId) {
        return kafka.events(NotificationRequested.class, questionId).stream()
                .filter(n -> n.kind() == NotificationKind.ANSWERED).findFirst().orElse(null);
    }

    private static NotificationSent sent(UUID questionId, UUID notificationId, NotificationKind kind) {
        return new NotificationSent(UUID.randomUUID(), questionId, Instant.now(), notificationId, kind, 1);
    }
}
