package io.askflow.question;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.askflow.events.QuestionSubmitted;
import io.askflow.events.Topics;
import io.askflow.testsupport.KafkaProbe;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/** Test helpers: a valid question as a patient would send it, asking it, and scanning a topic for a text. */
public final class Patients {

    private Patients() {
    }

    /** A valid question whose title and body carry a marker, so a test can look for its own data. */
    public static Map<String, Object> question(String marker) {
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("nickname", "Mei");
        q.put("email", "mei." + marker + "@example.org");
        q.put("ageRange", "30~39");
        q.put("gender", "female");
        q.put("specialty", "Neurology");
        q.put("title", "Face droops " + marker);
        q.put("body", "Since this morning the left side of my face droops and I cannot close my eye. " + marker);
        q.put("consentToPublish", true);
        return q;
    }

    public static String marker() {
        return UUID.randomUUID().toString().substring(0, 13);
    }

    /** Asks through the JSON API and returns its 201 answer. */
    public static JsonNode ask(MockMvc mvc, ObjectMapper json, Map<String, Object> question) throws Exception {
        String body = mvc.perform(post("/api/questions").contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsBytes(question)))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        return json.readTree(body);
    }

    /** Whether any record of the topic, whatever its key, contains the text. */
    public static boolean anyRecordContains(String bootstrapServers, String topic, String text) {
        try (var consumer = new KafkaConsumer<String, byte[]>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "scan-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class))) {
            var partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            boolean found = false;
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    found |= new String(record.value(), StandardCharsets.UTF_8).contains(text);
                }
            }
            return found;
        }
    }

    /**
     * No row and no event carry the marker: a valid question asked after the rejected one reaches the topic, and
     * by then nothing on it carries the marker (the outbox relays in order of commit, so a stray event would be
     * there too).
     */
    public static void assertNothingStoredOrPublished(MockMvc mvc, ObjectMapper json, KafkaProbe probe,
                                                      JdbcTemplate jdbc, String bootstrapServers, String marker)
            throws Exception {
        assertThat(rowsWith(jdbc, marker)).isZero();
        UUID later = UUID.fromString(ask(mvc, json, question(marker())).get("id").asText());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(probe.events(QuestionSubmitted.class, later)).hasSize(1));
        assertThat(anyRecordContains(bootstrapServers, Topics.QUESTION_SUBMITTED, marker)).isFalse();
    }

    /** Questions whose nickname, title or body carry the marker. */
    public static int rowsWith(JdbcTemplate jdbc, String marker) {
        return jdbc.queryForObject("select count(*) from question where nickname like ? or title like ? or body like ?",
                Integer.class, "%" + marker + "%", "%" + marker + "%", "%" + marker + "%");
    }

    /** The page or JSON never shows a patient's address. */
    public static void assertNoEmail(String content, String email) {
        assertThat(content).doesNotContain(email).doesNotContain("@example.org");
    }
}
