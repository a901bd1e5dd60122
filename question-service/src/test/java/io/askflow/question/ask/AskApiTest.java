package io.askflow.question.ask;

import static io.askflow.question.Patients.anyRecordContains;
import static io.askflow.question.Patients.ask;
import static io.askflow.question.Patients.marker;
import static io.askflow.question.Patients.question;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.askflow.events.AgeRange;
import io.askflow.events.Gender;
import io.askflow.events.QuestionSubmitted;
import io.askflow.events.Specialty;
import io.askflow.events.Topics;
import io.askflow.testsupport.AskflowIntegrationTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import io.askflow.testsupport.KafkaProbe;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

@AskflowIntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)   // as every class: one shared context
class AskApiTest {

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired KafkaProbe probe;
    @Autowired JdbcClient jdbc;
    @Value("${spring.kafka.bootstrap-servers}") String bootstrapServers;

    @Test
    void storesTheQuestionAndPublishesItInOneGo() throws Exception {
        String marker = marker();
        Map<String, Object> sent = question(marker);
        sent.put("gender", "FEMALE");
        sent.put("specialty", "neurology");
        sent.put("favouriteColour", "blue");    // unknown fields are ignored

        JsonNode asked = ask(mvc, json, sent);

        UUID id = UUID.fromString(asked.get("id").asText());
        String token = asked.get("trackingToken").asText();
        assertThat(token).matches("[A-Za-z0-9_-]{43,}");
        assertThat(asked.get("status").asText()).isEqualTo("ASKED");
        assertThat(asked.get("urgent").asBoolean()).as("a drooping face is a stroke sign").isTrue();
        Instant askedAt = Instant.parse(asked.get("askedAt").asText());

        Map<String, Object> row = jdbc.sql("select * from question where id = ?").param(id).query().singleRow();
        assertThat(row).containsEntry("tracking_token", token).containsEntry("email", sent.get("email"))
                .containsEntry("age_range", "FROM_30_TO_39").containsEntry("gender", "FEMALE")
                .containsEntry("requested_specialty", "NEUROLOGY").containsEntry("title", sent.get("title"))
                .containsEntry("consent_to_publish", true).containsEntry("urgent", true).containsEntry("status", "ASKED")
                .containsEntry("language", "en");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(probe.events(QuestionSubmitted.class, id)).hasSize(1));
        QuestionSubmitted event = probe.events(QuestionSubmitted.class, id).get(0);
        assertThat(event.nickname()).isEqualTo("Mei");
        assertThat(event.ageRange()).isEqualTo(AgeRange.FROM_30_TO_39);
        assertThat(event.gender()).isEqualTo(Gender.FEMALE);
        assertThat(event.requestedSpecialty()).isEqualTo(Specialty.NEUROLOGY);
        assertThat(event.title()).isEqualTo(sent.get("title"));
        assertThat(event.body()).isEqualTo(sent.get("body"));
        assertThat(event.language()).isEqualTo("en");
        assertThat(event.consentToPublish()).isTrue();
        assertThat(event.trackingUrl()).isEqualTo("http://127.0.0.1:8080/track/" + token);
        assertThat(event.contactEmail()).isEqualTo(sent.get("email"));
        assertThat(event.urgent()).isTrue();
        assertThat(event.occurredAt()).isEqualTo(askedAt);
        // the scan that proves rejected questions absent finds a published one
        assertThat(anyRecordContains(bootstrapServers, Topics.QUESTION_SUBMITTED, marker)).isTrue();
    }

    @Test
    void keepsTextInAnyScriptExactlyAndCountsCharactersAsPeopleDo() throws Exception {
        Map<String, Object> sent = question(marker());
        sent.put("title", "臉歪一邊😟");                                 // 5 characters, 6 UTF-16 units
        sent.put("body", "今天早上起床發現左邊臉歪了，眼睛閉不起來，吃東西會從嘴角漏出來。");
        sent.put("nickname", "小美");
        sent.remove("specialty");
        sent.remove("consentToPublish");

        UUID id = UUID.fromString(ask(mvc, json, sent).get("id").asText());

        Map<String, Object> row = jdbc.sql("select * from question where id = ?").param(id).query().singleRow();
        assertThat(row).containsEntry("title", "臉歪一邊😟").containsEntry("nickname", "小美")
                .containsEntry("body", sent.get("body")).containsEntry("language", "zh")
                .containsEntry("consent_to_publish", false).containsEntry("requested_specialty", null)
                .containsEntry("urgent", false);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(probe.events(QuestionSubmitted.class, id)).singleElement()
                        .satisfies(e -> assertThat(e.requestedSpecialty()).isNull()));
    }

    @Test
    void marksOnlyQuestionsWithWarningSignsUrgent() throws Exception {
        Map<String, Object> rash = question(marker());
        rash.put("title", "Itchy rash on my arm");
        rash.put("body", "I have had an itchy red rash on my left arm for a week. " + marker());
        Map<String, Object> chest = question(marker());
        chest.put("title", "Pressure in my chest");
        chest.put("body", "Since an hour I have CHEST PAIN that goes into my left arm. " + marker());

        UUID calm = UUID.fromString(ask(mvc, json, rash).get("id").asText());
        JsonNode urgent = ask(mvc, json, chest);

        assertThat(urgent.get("urgent").asBoolean()).isTrue();
        UUID urgentId = UUID.fromString(urgent.get("id").asText());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(probe.events(QuestionSubmitted.class, calm)).singleElement()
                    .satisfies(e -> assertThat(e.urgent()).isFalse());
            assertThat(probe.events(QuestionSubmitted.class, urgentId)).singleElement()
                    .satisfies(e -> assertThat(e.urgent()).isTrue());
        });
        String page = mvc.perform(get("/track/" + urgent.get("trackingToken").asText()))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("Seek care now").contains("role=\"alert\"").contains("tel:119");
    }

    static Stream<Arguments> invalidQuestions() {
        return Stream.of(
                invalid("nickname", q -> q.put("nickname", "  ")),
                invalid("nickname", q -> q.put("nickname", "n".repeat(41))),
                invalid("email", q -> q.remove("email")),
                invalid("email", q -> q.put("email", "mei-at-example.org")),
                invalid("email", q -> q.put("email", "mei@localhost")),
                invalid("ageRange", q -> q.remove("ageRange")),
                invalid("ageRange", q -> q.put("ageRange", "35")),
                invalid("gender", q -> q.put("gender", "unknown")),
                invalid("specialty", q -> q.put("specialty", "astrology")),
                invalid("title", q -> q.put("title", "Face")),
                invalid("title", q -> q.put("title", "t".repeat(151))),
                invalid("body", q -> q.put("body", "My face droops.")),
                invalid("body", q -> q.put("body", "b".repeat(5001))));
    }

    private static Arguments invalid(String field, Consumer<Map<String, Object>> change) {
        return Arguments.of(field, change);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidQuestions")
    void refusesAnInvalidFieldAndStoresAndPublishesNothing(String field, Consumer<Map<String, Object>> change)
            throws Exception {
        String marker = marker();
        Map<String, Object> sent = question(marker);
        change.accept(sent);

        MvcResult result = mvc.perform(post("/api/questions").contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsBytes(sent)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.errors[*].field").value(Matchers.contains(field)))
                .andExpect(jsonPath("$.errors[0].message").isNotEmpty())
                .andReturn();
        assertThat(result.getResponse().getContentAsString(StandardCharsets.UTF_8)).doesNotContain("@example.org");

        assertNothingStoredOrPublished(marker);
    }

    static Stream<Arguments> unreadableChoices() {
        return Stream.of(
                Arguments.of("ageRange", "thirty-five", "must be one of under 10, 10~19, 20~29 … 70~79, 80+"),
                Arguments.of("gender", "unknown-gender", "must be female, male or other"),
                Arguments.of("specialty", "astrology", "is not a specialty we have"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unreadableChoices")
    void explainsAChoiceItCannotReadWithoutRepeatingIt(String field, String value, String message) throws Exception {
        Map<String, Object> sent = question(marker());
        sent.put(field, value);

        MvcResult result = mvc.perform(post("/api/questions").contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsBytes(sent)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(Matchers.contains(field)))
                .andExpect(jsonPath("$.errors[0].message").value(message))
                .andReturn();
        assertThat(result.getResponse().getContentAsString(StandardCharsets.UTF_8)).doesNotContain(value);
    }

    @Test
    void listsEveryBadFieldAtOnce() throws Exception {
        String marker = marker();
        Map<String, Object> sent = question(marker);
        sent.put("title", "Hi");
        sent.put("gender", "x");
        sent.put("email", "nope");

        mvc.perform(post("/api/questions").contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsBytes(sent)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(Matchers.containsInAnyOrder("title", "gender", "email")));
        assertNothingStoredOrPublished(marker);
    }

    @Test
    void refusesMalformedJson() throws Exception {
        String marker = marker();
        mvc.perform(post("/api/questions").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\": \"Face droops " + marker + "\", \"body\": "))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Malformed request"));
        assertNothingStoredOrPublished(marker);
    }

    @Test
    void namesAFieldOfTheWrongType() throws Exception {
        String marker = marker();
        Map<String, Object> sent = question(marker);
        sent.put("consentToPublish", "maybe");

        mvc.perform(post("/api/questions").contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsBytes(sent)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("consentToPublish"));
        assertNothingStoredOrPublished(marker);
    }

    @Test
    void refusesAnUnsupportedMediaType() throws Exception {
        String marker = marker();
        mvc.perform(post("/api/questions").contentType(MediaType.TEXT_PLAIN)
                        .content(json.writeValueAsString(question(marker))))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(415));
        assertNothingStoredOrPublished(marker);
    }

    @Test
    void refusesABodyOver64KiB() throws Exception {
        String marker = marker();
        Map<String, Object> sent = question(marker);
        sent.put("body", "My face droops. " + marker + " " + "x".repeat(66 * 1024));

        mvc.perform(post("/api/questions").contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsBytes(sent)))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(413));
        assertNothingStoredOrPublished(marker);
    }

    @Test
    void acceptsFormFieldsToo() throws Exception {
        String marker = marker();
        Map<String, Object> q = question(marker);
        var request = post("/api/questions").contentType(MediaType.APPLICATION_FORM_URLENCODED);
        q.forEach((name, value) -> request.param(name, value.toString()));

        mvc.perform(request).andExpect(status().isCreated()).andExpect(jsonPath("$.trackingToken").isNotEmpty());
        assertThat(rowsWith(marker)).isEqualTo(1);
    }

    /**
     * No row, and no event: a valid question asked after the rejected one reaches the topic, and by then nothing
     * on it carries the rejected question's marker (the outbox relays in order of commit, so a stray event would
     * be there too).
     */
    private void assertNothingStoredOrPublished(String marker) throws Exception {
        assertThat(rowsWith(marker)).isZero();
        UUID later = UUID.fromString(ask(mvc, json, question(marker())).get("id").asText());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(probe.events(QuestionSubmitted.class, later)).hasSize(1));
        assertThat(anyRecordContains(bootstrapServers, Topics.QUESTION_SUBMITTED, marker)).isFalse();
    }

    private int rowsWith(String marker) {
        return jdbc.sql("select count(*) from question where title like ? or body like ?")
                .params("%" + marker + "%", "%" + marker + "%").query(Integer.class).single();
    }
}
