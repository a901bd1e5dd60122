package io.askflow.devstack.bench;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.askflow.devstack.stack.NotificationSandbox;
import io.askflow.devstack.stack.StackException;
import io.askflow.events.AgeRange;
import io.askflow.events.AskflowEvent;
import io.askflow.events.CloudEventHeaders;
import io.askflow.events.Gender;
import io.askflow.events.NotificationKind;
import io.askflow.events.NotificationRequested;
import io.askflow.events.NotificationSent;
import io.askflow.events.QuestionSubmitted;
import io.askflow.events.Specialty;
import io.askflow.events.Topics;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * {@code ./askflow bench --notifications N}: a load generator for notification-service alone. It starts a
 * notification-service of its own ({@link NotificationSandbox}: own broker, SMTP catcher and schema), publishes to
 * that broker what question-service and the workflow would (a question, then its ANSWERED request), reads the
 * service's {@code notification.sent} for each, and counts what the catcher received. The dev stack's broker and
 * schemas never see a bench event, so no bench question reaches its workflow, queues or pages.
 */
final class NotificationBench {

    private static final String TITLE = "Numbness in my left hand at night";
    private static final String REPLY = """
            Dear bench, numbness at night that wakes you and eases when you shake the hand is typical of carpal tunnel \
            syndrome: the median nerve is squeezed at the wrist, most of all when the wrist is bent during sleep.
            A wrist splint at night, breaks from the keyboard and a neutral wrist usually help within weeks.
            Please see a doctor if the hand gets weak, if you drop things, or if the numbness stays during the day.
            A nerve conduction study can confirm it; an injection or a small operation helps when nothing else does.""";

    private final NotificationBenchOptions options;
    private final String kafka;
    private final URI mailApi;
    private final ObjectMapper json;
    private final String runId = UUID.randomUUID().toString().substring(0, 8);

    NotificationBench(NotificationBenchOptions options, String kafka, URI mailApi) {
        this.options = options;
        this.kafka = kafka;
        this.mailApi = mailApi;
        this.json = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    static int run(String[] args) throws InterruptedException {
        NotificationBenchOptions options;
        try {
            options = NotificationBenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return 2;
        }
        String version = NotificationBench.class.getPackage().getImplementationVersion();
        if (version == null) {
            System.err.println("askflow: run the bench from devstack's jar, which names the version");
            return 2;
        }
        Path root = Path.of(System.getProperty("askflow.root", "."));
        String sandboxId = UUID.randomUUID().toString().substring(0, 8);
        try (var sandbox = NotificationSandbox.create(root, version, System.getenv(), sandboxId, System.err)) {
            sandbox.start();
            return measure(options, sandbox.kafkaBootstrap(), sandbox.mailApi());
        } catch (StackException e) {
            System.out.flush();
            System.err.println("askflow: " + e.getMessage());
            return 1;
        }
    }

    private static int measure(NotificationBenchOptions options, String kafka, URI mailApi)
            throws InterruptedException {
        if (options.warmup() > 0) {
            NotificationBenchReport warmup = new NotificationBench(options.warmupRound(), kafka, mailApi).measure();
            System.err.print("warm-up round (not counted):" + System.lineSeparator() + warmup.text());
            if (!warmup.complete()) {
                System.err.println("the warm-up round did not complete; measuring anyway");
            }
        }
        var bench = new NotificationBench(options, kafka, mailApi);
        NotificationBenchReport report = bench.measure();
        try {
            System.out.print(options.json()
                    ? bench.json.writeValueAsString(report) + System.lineSeparator() : report.text());
        } catch (IOException e) {
            throw new IllegalStateException("Could not write the report", e);
        }
        return report.complete() ? 0 : 1;
    }

    NotificationBenchReport measure() throws InterruptedException {
        long started = System.nanoTime();
        long deadline = started + options.timeout().toNanos();
        Map<UUID, Instant> requested = new ConcurrentHashMap<>();
        Map<UUID, Instant> accepted = new ConcurrentHashMap<>();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicReference<RuntimeException> readerFailure = new AtomicReference<>();
        try (var consumer = new KafkaConsumer<String, byte[]>(consumerConfig());
             var producer = new KafkaProducer<String, byte[]>(producerConfig())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.NOTIFICATION_SENT, Duration.ofSeconds(30))
                    .stream().map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);   // fixes "the end" before the first request goes out
            Thread reader = new Thread(() -> readSent(consumer, requested, accepted, stop, readerFailure),
                    "notification-sent-reader");
            reader.start();
            try {
                publish(producer, requested);
                while (System.nanoTime() < deadline && accepted.size() < options.notifications()
                        && readerFailure.get() == null) {
                    printProgress(started, accepted.size());
                    Thread.sleep(1000);
                }
            } finally {
                stop.set(true);
                reader.join(10_000);
            }
        }
        if (readerFailure.get() != null) {
            System.err.println("reading notification.sent failed: " + readerFailure.get());
        }
        printProgress(started, accepted.size());
        return NotificationBenchReport.of(runId, requested, accepted, receipts(),
                Duration.ofNanos(System.nanoTime() - started));
    }

    /** Every question first, then every request: a request before its question would only wait for it. */
    private void publish(KafkaProducer<String, byte[]> producer, Map<UUID, Instant> requested) {
        List<QuestionSubmitted> questions = new ArrayList<>();
        for (int i = 1; i <= options.notifications(); i++) {
            UUID questionId = UUID.randomUUID();
            QuestionSubmitted question = new QuestionSubmitted(UUID.randomUUID(), questionId, Instant.now(),
                    "bench" + i, AgeRange.FROM_30_TO_39, Gender.FEMALE, Specialty.NEUROLOGY, TITLE,
                    "For three weeks my left hand goes numb at night and wakes me up. Should I worry?", "en", false,
                    "http://127.0.0.1:8080/track/bench-" + runId + "-" + i,
                    "bench-" + runId + "-" + i + "@patients.askflow.test", false);
            questions.add(question);
            send(producer, question);
        }
        producer.flush();
        for (QuestionSubmitted question : questions) {
            Instant now = Instant.now();
            var request = new NotificationRequested(UUID.randomUUID(), question.questionId(), now, UUID.randomUUID(),
                    NotificationKind.ANSWERED, Specialty.NEUROLOGY, TITLE, question.trackingUrl(), "Dr. Bench", REPLY,
                    null, false);
            requested.put(request.notificationId(), now);
            send(producer, request);
        }
        producer.flush();
    }

    private void send(KafkaProducer<String, byte[]> producer, AskflowEvent event) {
        try {
            var record = new ProducerRecord<>(Topics.of(event), event.key(), json.writeValueAsBytes(event));
            CloudEventHeaders.of(event).forEach((name, value) ->
                    record.headers().add(name, value.toString().getBytes(StandardCharsets.UTF_8)));
            producer.send(record, (metadata, failure) -> {
                if (failure != null) {
                    System.err.println("could not publish to " + record.topic() + ": " + failure);
                }
            });
        } catch (IOException e) {
            throw new IllegalStateException("Could not write " + event, e);
        }
    }

    private void readSent(KafkaConsumer<String, byte[]> consumer, Map<UUID, Instant> requested,
                          Map<UUID, Instant> accepted, AtomicBoolean stop, AtomicReference<RuntimeException> failure) {
        try {
            while (!stop.get()) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    NotificationSent sent = json.readValue(record.value(), NotificationSent.class);
                    if (requested.containsKey(sent.notificationId())) {
                        accepted.putIfAbsent(sent.notificationId(), sent.occurredAt());
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            failure.set(e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e));
        }
    }

    /** What the SMTP catcher received for this run, from its Mailpit-shaped search. */
    private List<NotificationBenchReport.Receipt> receipts() throws InterruptedException {
        String query = URLEncoder.encode("to:bench-" + runId + "-", StandardCharsets.UTF_8);
        try {
            JsonHttp.Response found = JsonHttp.anonymous(json).get(mailApi
                    .resolve("api/v1/search?query=" + query + "&limit=" + (options.notifications() * 2 + 100)));
            if (!found.ok()) {
                System.err.println("the SMTP catcher answered " + found.status() + ": no receipts counted");
                return List.of();
            }
            List<NotificationBenchReport.Receipt> receipts = new ArrayList<>();
            for (JsonNode message : found.body().path("messages")) {
                receipts.add(new NotificationBenchReport.Receipt(message.path("MessageID").asText(),
                        Instant.parse(message.path("Created").asText())));
            }
            return receipts;
        } catch (IOException e) {
            System.err.println("the SMTP catcher at " + mailApi + " is not reachable (" + e
                    + "): no receipts counted");
            return List.of();
        }
    }

    private Map<String, Object> consumerConfig() {
        return Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka,
                ConsumerConfig.GROUP_ID_CONFIG, "notification-bench-" + runId,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    }

    private Map<String, Object> producerConfig() {
        return Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    }

    private void printProgress(long started, int accepted) {
        System.err.printf(Locale.ROOT, "notification bench %3ds  accepted %d/%d%n",
                (System.nanoTime() - started) / 1_000_000_000L, accepted, options.notifications());
    }
}
