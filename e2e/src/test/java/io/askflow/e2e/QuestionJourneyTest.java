package io.askflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.askflow.events.NotificationKind;
import io.askflow.events.NotificationRequested;
import io.askflow.events.ReplyEnriched;
import io.askflow.events.Topics;
import io.askflow.testsupport.KafkaProbe;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The walking skeleton, end to end: the five services as processes on real PostgreSQL, Kafka and SMTP. The
 * journey is driven only from outside (HTTP in, SMTP out); the redelivery test alone re-publishes events that
 * the services published themselves, as a broker redelivery would.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QuestionJourneyTest {

    private static final Duration CHAIN = Duration.ofSeconds(90);
    private static final List<String> MAIN_STEPS = List.of("ASKED", "ROUTED", "CLAIMED", "REPLIED", "ENRICHED",
            "NOTIFIED");

    private final Http patient = Http.anonymous();
    private final Http drYe = Http.basic("dr.ye", "askflow");
    private final Http drLin = Http.basic("dr.lin", "askflow");
    private AskflowStack stack;
    private KafkaProbe kafka;

    @BeforeAll
    void startTheSystem() throws Exception {
        stack = new AskflowStack();
        stack.start();
        kafka = new KafkaProbe(stack.infrastructure().kafkaBootstrapServers(),
                new com.fasterxml.jackson.databind.ObjectMapper().findAndRegisterModules());
    }

    @AfterAll
    void stopTheSystem() throws Exception {
        if (kafka != null) {
            kafka.destroy();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void aNeurologyQuestionTravelsFromTheFormToThePatientsInbox() throws Exception {
        Asked earlier = ask("Face drooping on one side after a cold",
                "Two days after a cold the right side of my face started drooping and I cannot smile on that side. "
                        + "Could this be Bell's palsy and will it go away?", true);
        answer(earlier, drYe, "Dear asker, this is most likely Bell's palsy. Most people recover within weeks.");
        awaitNotified(earlier);

        Asked question = ask("Sudden facial weakness and drooping eyelid",
                "This morning I woke up with weakness on the left side of my face, my eyelid droops and I drool "
                        + "when I drink. Is this Bell's palsy or something worse?", false);
        awaitInQueue(question, drYe);
        awaitInQueue(question, drLin);

        var yeClaim = CompletableFuture.supplyAsync(() -> drYe.post(claimUrl(question), Map.of()).status());
        var linClaim = CompletableFuture.supplyAsync(() -> drLin.post(claimUrl(question), Map.of()).status());
        List<Integer> claims = List.of(yeClaim.join(), linClaim.join());
        assertThat(claims).containsExactlyInAnyOrder(200, 409);
        Http winner = claims.get(0) == 200 ? drYe : drLin;

        String reply = "Dear asker, sudden one-sided facial weakness needs a doctor today: if your arm or speech is "
                + "also affected call 119. If only the face is involved it is most likely Bell's palsy.";
        assertThat(winner.post(replyUrl(question), Map.of("body", reply)).status()).isEqualTo(202);

        JsonNode tracked = awaitNotified(question);
        List<JsonNode> timeline = StreamSupport.stream(tracked.get("timeline").spliterator(), false)
                .filter(entry -> MAIN_STEPS.contains(entry.get("step").asText())).toList();
        assertThat(timeline).extracting(entry -> entry.get("step").asText()).containsExactlyElementsOf(MAIN_STEPS);
        List<Instant> dates = timeline.stream().map(entry -> Instant.parse(entry.get("at").asText())).toList();
        assertThat(dates).isSorted();
        assertThat(tracked.toString()).contains(reply.substring(0, 60));
        await().atMost(CHAIN).untilAsserted(() -> assertThat(ids(patient.get(trackUrl(question)).body()
                .at("/enrichment/similarQuestions"))).contains(earlier.id().toString()));

        assertThat(mailsTo(question.email())).filteredOn(mail -> text(mail).contains("needs a doctor today"))
                .as("exactly one ANSWERED mail, carrying the start of the reply").hasSize(1);
        assertThat(mailsTo(question.email())).as("RECEIVED and ANSWERED").hasSize(2);
    }

    @Test
    void redeliveredReplyAndNotificationEventsChangeNothingAcrossARestart() throws Exception {
        Asked question = ask("Tingling in both feet at night",
                "For a month my feet tingle and burn at night, worse when I am tired. I have diabetes. "
                        + "Is this nerve damage?", false);
        answer(question, drLin, "Dear asker, this sounds like diabetic neuropathy; please see your doctor.");
        awaitNotified(question);
        String key = question.id().toString();
        // a reply that reached the workflow before its claim was parked and replayed to the workflow alone:
        // that replay is a second record on the topic but not a second publication
        var replyPosted = kafka.records(Topics.REPLY_POSTED, key).stream()
                .filter(record -> record.headers().lastHeader("askflow_replay_for") == null).toList();
        var answeredRequest = kafka.events(NotificationRequested.class, key).stream()
                .filter(request -> request.kind() == NotificationKind.ANSWERED).findFirst().orElseThrow();
        assertThat(replyPosted).hasSize(1);
        assertThat(mailsTo(question.email())).hasSize(2);

        kafka.sendRaw(Topics.REPLY_POSTED, key, replyPosted.get(0).value());
        kafka.send(answeredRequest);
        stack.restart(AskflowStack.ENRICHMENT);
        stack.restart(AskflowStack.NOTIFICATION);
        kafka.sendRaw(Topics.REPLY_POSTED, key, replyPosted.get(0).value());
        kafka.send(answeredRequest);

        // a fresh request on the same key comes after the duplicates on the same partition: once its mail
        // is in, the duplicates before it have been consumed
        NotificationRequested fresh = new NotificationRequested(UUID.randomUUID(), question.id(), Instant.now(),
                UUID.randomUUID(), NotificationKind.ANSWERED, answeredRequest.specialty(),
                answeredRequest.questionTitle(), answeredRequest.trackingUrl(), answeredRequest.doctorName(),
                answeredRequest.replyExcerpt(), null, false);
        kafka.send(fresh);
        await().atMost(CHAIN).untilAsserted(() -> assertThat(mailsTo(question.email())).hasSize(3));
        // the outbox may send its one event again when the restart came between the broker's ack and the
        // publication's completion (consumers dedupe by event id); a second enrichment would be a new event id
        assertThat(kafka.events(ReplyEnriched.class, key).stream().map(ReplyEnriched::eventId).distinct())
                .as("no second enrichment").hasSize(1);
    }

    private record Asked(UUID id, String token, String email) {
    }

    private Asked ask(String title, String body, boolean consent) {
        String email = "patient." + UUID.randomUUID() + "@example.org";
        var response = patient.post(stack.url(AskflowStack.QUESTION) + "/api/questions", Map.of(
                "nickname", "Mei", "email", email, "ageRange", "30~39", "gender", "female",
                "specialty", "Neurology", "title", title, "body", body, "consentToPublish", consent));
        assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
        return new Asked(UUID.fromString(response.body().get("id").asText()),
                response.body().get("trackingToken").asText(), email);
    }

    private void answer(Asked question, Http doctor, String reply) {
        awaitInQueue(question, doctor);
        assertThat(doctor.post(claimUrl(question), Map.of()).status()).isEqualTo(200);
        assertThat(doctor.post(replyUrl(question), Map.of("body", reply)).status()).isEqualTo(202);
    }

    private void awaitInQueue(Asked question, Http doctor) {
        await().atMost(CHAIN).untilAsserted(() -> assertThat(ids(doctor.get(stack.url(AskflowStack.REPLY)
                + "/api/queue").body())).contains(question.id().toString()));
    }

    private JsonNode awaitNotified(Asked question) {
        return await().atMost(CHAIN).until(() -> patient.get(trackUrl(question)).body(),
                tracked -> StreamSupport.stream(tracked.path("timeline").spliterator(), false)
                        .anyMatch(entry -> entry.path("step").asText().equals("NOTIFIED")));
    }

    private List<MimeMessage> mailsTo(String address) throws Exception {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage message : stack.smtp().getReceivedMessages()) {
            if (Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                    .anyMatch(to -> to.toString().contains(address))) {
                found.add(message);
            }
        }
        return found;
    }

    /** The decoded text of every text part of a message. */
    private static String text(Part part) {
        try {
            if (part.isMimeType("text/*")) {
                return part.getContent().toString();
            }
            if (part.getContent() instanceof Multipart multipart) {
                StringBuilder text = new StringBuilder();
                for (int i = 0; i < multipart.getCount(); i++) {
                    text.append(text(multipart.getBodyPart(i))).append('\n');
                }
                return text.toString();
            }
            return "";
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> ids(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(item -> item.path("id").asText()).toList();
    }

    private String trackUrl(Asked question) {
        return stack.url(AskflowStack.QUESTION) + "/api/track/" + question.token();
    }

    private String claimUrl(Asked question) {
        return stack.url(AskflowStack.REPLY) + "/api/questions/" + question.id() + "/claim";
    }

    private String replyUrl(Asked question) {
        return stack.url(AskflowStack.REPLY) + "/api/questions/" + question.id() + "/reply";
    }
}
