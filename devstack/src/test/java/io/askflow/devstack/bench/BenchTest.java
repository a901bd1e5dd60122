package io.askflow.devstack.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.askflow.testsupport.Infrastructure;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bench against a stand-in of the three services' HTTP contracts (the real chain is the e2e module's job):
 * it checks what the bench does with logins, the queue, claim races and the recorded dates.
 */
class BenchTest {

    private static final String PASSWORD = "askflow";

    private final ObjectMapper json = new ObjectMapper();
    private final Map<UUID, FakeQuestion> questions = new ConcurrentHashMap<>();
    private final Map<String, FakeQuestion> byToken = new ConcurrentHashMap<>();
    private final AtomicInteger sessionsOpened = new AtomicInteger();
    private final AtomicInteger submissions = new AtomicInteger();
    private final List<Ask> asked = new CopyOnWriteArrayList<>();
    private final List<CostMeter> meters = new ArrayList<>();
    private HttpServer server;
    @TempDir
    Path root;

    private record Ask(String title, String body, boolean consentToPublish) {
    }

    /** A question of the stand-in: routed 5 ms after it is asked, in the queue 1 ms later, done 30 ms after the reply. */
    private static final class FakeQuestion {
        final UUID id = UUID.randomUUID();
        final String token = UUID.randomUUID().toString();
        final Instant asked = Instant.now();
        volatile String claimedBy;
        volatile Instant replied;
    }

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/", exchange -> {
            try (exchange) {
                route(exchange);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
        meters.forEach(CostMeter::close);
    }

    @Test
    void everyQuestionIsRepliedToAndMeasuredFromItsRecordedDates() throws Exception {
        BenchReport report = bench("--questions", "12", "--doctors", "dr.ye:Neurology,dr.lin:Neurology,dr.chen:Cardiology")
                .measure();

        assertThat(report.notified()).isEqualTo(12);
        assertThat(report.unfinished()).isZero();
        assertThat(questions.values()).allSatisfy(q -> assertThat(q.replied).isNotNull());
        assertThat(report.legs()).containsOnlyKeys(Legs.NAMES);
        assertThat(report.legs().values()).allSatisfy(p -> assertThat(p.samples()).isEqualTo(12));
        assertThat(report.legs().get(Legs.SUBMIT_TO_ROUTED).p99()).isEqualTo(5);
        assertThat(report.legs().get(Legs.ROUTED_TO_QUEUED).p50()).isEqualTo(1);
        assertThat(report.legs().get(Legs.REPLY_TO_ENRICHED).p50()).isEqualTo(10);
        assertThat(report.legs().get(Legs.ENRICHED_TO_NOTIFIED).p50()).isEqualTo(20);
        // 5 + 1 before the queue, 30 after the reply: the doctor's time in between is not the system's
        assertThat(report.legs().get(Legs.SUBMIT_TO_NOTIFIED_LESS_DOCTOR).p95()).isEqualTo(36);
        assertThat(report.throughput()).isPositive();
        assertThat(report.historyLevel()).isEqualTo("full");
        assertThat(sessionsOpened).as("one login per doctor, then the session cookie").hasValue(3);
    }

    @Test
    void asksTheDatasetsQuestionsAboutHalfConsentingToPublish() throws Exception {
        bench("--questions", "10", "--doctors", "dr.ye:Neurology", "--seed", "3").measure();

        assertThat(asked).hasSize(10);
        assertThat(asked.stream().map(Ask::body).distinct()).hasSize(5);
        assertThat(asked).extracting(Ask::title).contains("Knee pain.", "Glaucoma");
        assertThat(asked).extracting(Ask::consentToPublish).contains(true, false);
    }

    @Test
    void saysWhatEachQuestionCostAndWhatItCouldNotRead() throws Exception {
        BenchReport report = bench("--questions", "4", "--doctors", "dr.ye:Neurology").measure();

        Cost cost = report.cost();
        assertThat(cost.questions()).isEqualTo(4);
        // the stand-in writes nothing to Kafka; no pid files: the services' CPU is unknown, not 0
        assertThat(cost.kafkaRecordsPerQuestion()).isEqualTo(0.0);
        assertThat(cost.postgresCommitsPerQuestion()).isNotNull();
        assertThat(cost.cpuMillisPerQuestion()).containsEntry("question-service", null).containsEntry("total", null);
        assertThat(cost.unknown()).contains("workflow: no running process in the stack's pid files");
        assertThat(cost.trackReadsPerQuestion()).isNotNull().isGreaterThanOrEqualTo(1.0);
        if (ProcessCpu.linux().isPresent()) {
            assertThat(cost.cpuMillisPerQuestion().get("bench")).isNotNull().isPositive();
        }
        assertThat(report.text()).contains("cost per NOTIFIED question (4 over").containsPattern("Kafka records +0\\.0")
                .containsPattern("question-service +unknown");
        JsonNode written = json.readTree(json.writeValueAsString(report));
        assertThat(written.path("cost").path("cpuMillisPerQuestion").path("question-service").isNull()).isTrue();
        assertThat(written.path("cost").path("kafkaRecordsPerQuestion").asDouble()).isEqualTo(0.0);
    }

    @Test
    void aQuestionHeldBySomeoneElseIsReportedUnfinished() throws Exception {
        BenchReport report = bench("--questions", "3", "--doctors", "dr.ye:Neurology", "--timeout", "30")
                .measureWith(() -> questions.values().stream().findFirst().ifPresent(q -> q.claimedBy = "dr.outsider"));

        assertThat(report.notified()).isEqualTo(2);
        assertThat(report.unfinished()).isEqualTo(1);
        assertThat(report.unfinishedQuestions()).singleElement()
                .satisfies(u -> assertThat(u.problem()).isEqualTo("claimed by someone else"));
    }

    @Test
    void leavesOutDoctorsWhoCannotLogInAndRefusesWhenNoneCan() throws Exception {
        BenchReport report = bench("--questions", "2", "--doctors", "dr.nobody:Dermatology,dr.ye:Neurology").measure();

        assertThat(report.notified()).isEqualTo(2);
        assertThatThrownBy(() -> bench("--questions", "1", "--doctors", "dr.nobody:Dermatology").measure())
                .isInstanceOf(Bench.BenchRefused.class);
    }

    @Test
    void pacesSubmissionsAtTheRequestedRate() throws Exception {
        long started = System.nanoTime();

        BenchReport report = bench("--questions", "6", "--rate", "20", "--doctors", "dr.ye:Neurology").measure();

        // the sixth question leaves 5/20 s after the first
        assertThat((System.nanoTime() - started) / 1_000_000).isGreaterThanOrEqualTo(250);
        assertThat(report.rate()).isEqualTo(20.0);
        assertThat(report.notified()).isEqualTo(6);
    }

    private BenchUnderTest bench(String... args) throws IOException {
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        Infrastructure infrastructure = Infrastructure.shared();
        Path datasets = TestDatasets.write(root.resolve("datasets"),
                List.of("Knee pain. My knee hurts when I climb stairs, what helps?",
                        "Itchy rash on both arms. It started after gardening and will not go away after a week."),
                List.of(List.of("Glaucoma", "What are the symptoms of Glaucoma ?"),
                        List.of("Asthma", "What are the treatments for Asthma ?"),
                        List.of("Gouty arthritis", "What causes gouty arthritis and who gets it ?")));
        Map<String, String> env = Map.ofEntries(Map.entry("ASKFLOW_QUESTION_URL", base),
                Map.entry("ASKFLOW_REPLY_URL", base), Map.entry("ASKFLOW_WORKFLOW_URL", base),
                Map.entry("ASKFLOW_HOME", root.resolve(".askflow").toString()),
                Map.entry("ASKFLOW_DATASETS", datasets.toString()),
                Map.entry("ASKFLOW_KAFKA_BOOTSTRAP", infrastructure.kafkaBootstrapServers()),
                Map.entry("ASKFLOW_DB_HOST", infrastructure.databaseHost()),
                Map.entry("ASKFLOW_DB_PORT", String.valueOf(infrastructure.databasePort())),
                Map.entry("ASKFLOW_DB_NAME", infrastructure.databaseName()),
                Map.entry("ASKFLOW_DB_USER", infrastructure.databaseUser()),
                Map.entry("ASKFLOW_DB_PASSWORD", infrastructure.databasePassword()));
        BenchOptions options = BenchOptions.parse(args, env, root);
        CostMeter meter = CostMeter.of(options);
        meters.add(meter);
        return new BenchUnderTest(new Bench(options, json, meter));
    }

    /** Runs the bench; an optional hook runs once the first question exists. */
    private final class BenchUnderTest {
        private final Bench bench;

        BenchUnderTest(Bench bench) {
            this.bench = bench;
        }

        BenchReport measure() throws Exception {
            return bench.measure();
        }

        BenchReport measureWith(Runnable onFirstQuestion) throws Exception {
            firstQuestionHook = onFirstQuestion;
            return bench.measure();
        }
    }

    private volatile Runnable firstQuestionHook = () -> { };

    private void route(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        if (method.equals("POST") && path.equals("/api/questions")) {
            JsonNode ask = json.readTree(exchange.getRequestBody());
            assertThat(ask.path("email").asText()).contains("@");
            asked.add(new Ask(ask.path("title").asText(), ask.path("body").asText(), ask.path("consentToPublish").asBoolean()));
            FakeQuestion q = new FakeQuestion();
            questions.put(q.id, q);
            byToken.put(q.token, q);
            if (submissions.incrementAndGet() == 1) {
                firstQuestionHook.run();
            }
            send(exchange, 201, Map.of("id", q.id, "trackingToken", q.token, "status", "ASKED", "askedAt", q.asked.toString()));
        } else if (path.equals("/api/engine")) {
            send(exchange, 200, Map.of("historyLevel", "full"));
        } else if (path.startsWith("/api/track/")) {
            FakeQuestion q = byToken.get(path.substring("/api/track/".length()));
            send(exchange, 200, track(q));
        } else if (doctor(exchange) == null) {
            send(exchange, 401, Map.of());
        } else if (path.equals("/api/queue")) {
            List<Map<String, Object>> items = new ArrayList<>();
            questions.values().stream().filter(q -> q.replied == null && q.claimedBy == null || "dr.outsider".equals(q.claimedBy))
                    .forEach(q -> items.add(Map.of("id", q.id, "queuedAt", q.asked.plusMillis(6).toString())));
            send(exchange, 200, items);
        } else if (path.endsWith("/claim")) {
            FakeQuestion q = questions.get(UUID.fromString(path.split("/")[3]));
            synchronized (q) {
                if (q.claimedBy != null) {
                    send(exchange, 409, Map.of());
                    return;
                }
                q.claimedBy = doctor(exchange);
            }
            send(exchange, 200, Map.of());
        } else if (path.endsWith("/reply")) {
            FakeQuestion q = questions.get(UUID.fromString(path.split("/")[3]));
            assertThat(json.readTree(exchange.getRequestBody()).path("body").asText()).isNotBlank();
            q.replied = Instant.now();
            send(exchange, 202, Map.of());
        } else {
            send(exchange, 404, Map.of());
        }
    }

    private Map<String, Object> track(FakeQuestion q) {
        List<Map<String, String>> timeline = new ArrayList<>();
        timeline.add(Map.of("step", "ASKED", "at", q.asked.toString()));
        timeline.add(Map.of("step", "ROUTED", "at", q.asked.plusMillis(5).toString()));
        String status = "ROUTED";
        Instant replied = q.replied;
        if (replied != null) {
            timeline.add(Map.of("step", "REPLIED", "at", replied.toString()));
            timeline.add(Map.of("step", "ENRICHED", "at", replied.plusMillis(10).toString()));
            status = "ENRICHED";
            if (Instant.now().isAfter(replied.plusMillis(30))) {
                timeline.add(Map.of("step", "NOTIFIED", "at", replied.plusMillis(30).toString()));
                status = "NOTIFIED";
            }
        }
        return Map.of("status", status, "timeline", timeline);
    }

    /** The logged-in doctor: by session cookie, else by a Basic login (which opens a session). */
    private String doctor(HttpExchange exchange) {
        String cookie = exchange.getRequestHeaders().getFirst("Cookie");
        if (cookie != null && cookie.startsWith("SESSION=")) {
            return cookie.substring("SESSION=".length());
        }
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        if (auth == null || !auth.startsWith("Basic ")) {
            return null;
        }
        String[] login = new String(Base64.getDecoder().decode(auth.substring(6)), StandardCharsets.UTF_8).split(":", 2);
        if (!login[1].equals(PASSWORD) || login[0].equals("dr.nobody")) {
            return null;
        }
        sessionsOpened.incrementAndGet();
        exchange.getResponseHeaders().add("Set-Cookie", "SESSION=" + login[0] + "; Path=/");
        return login[0];
    }

    private void send(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = json.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
