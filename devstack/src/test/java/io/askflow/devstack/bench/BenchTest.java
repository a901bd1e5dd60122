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
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
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
    private final Map<Integer, AtomicInteger> submitsByPort = new ConcurrentHashMap<>();
    private final Map<Integer, AtomicInteger> trackReadsByPort = new ConcurrentHashMap<>();
    private final Map<String, Set<Integer>> portsByDoctor = new ConcurrentHashMap<>();
    /** The Authorization header of each call to the workflow's engine API (none: the empty string). */
    private final List<String> engineLogins = new CopyOnWriteArrayList<>();
    private HttpServer server;
    /** A second instance of the three services, on the same questions: started by the tests that need it. */
    private HttpServer second;
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
        final AtomicInteger replies = new AtomicInteger();
    }

    @BeforeEach
    void start() throws IOException {
        server = standIn();
    }

    private HttpServer standIn() throws IOException {
        HttpServer standIn = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        standIn.setExecutor(Executors.newFixedThreadPool(8));
        standIn.createContext("/", exchange -> {
            try (exchange) {
                route(exchange);
            }
        });
        standIn.start();
        return standIn;
    }

    @AfterEach
    void stop() {
        server.stop(0);
        if (second != null) {
            second.stop(0);
        }
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
        assertThat(report.submitResponse().samples()).as("every accepted submit timed").isEqualTo(12);
        assertThat(report.text()).containsPattern("submit response +\\d+ +\\d+ +\\d+ +12");
        assertThat(report.throughput()).isPositive();
        assertThat(report.historyLevel()).isEqualTo("full");
        assertThat(sessionsOpened).as("one login per doctor, then the session cookie").hasValue(3);
    }

    @Test
    void readsTheHistoryLevelWithTheOperatorLoginTheDemosByDefault() throws Exception {
        BenchReport report = bench("--questions", "1", "--doctors", "dr.ye:Neurology").measure();

        assertThat(report.historyLevel()).isEqualTo("full");
        assertThat(engineLogins).containsExactly(basic("admin", "askflow"));
    }

    @Test
    void aRefusedOperatorLoginLeavesTheHistoryLevelUnknownAndSaysWhy() throws Exception {
        BenchReport report = bench("--questions", "1", "--doctors", "dr.ye:Neurology", "--admin", "admin:not:it")
                .measure();

        assertThat(report.notified()).isEqualTo(1);
        assertThat(engineLogins).containsExactly(basic("admin", "not:it"));
        assertThat(report.historyLevel()).startsWith("unknown (401: pass --admin");
        assertThat(report.text()).contains("Camunda history level  unknown (401: pass --admin");
        assertThatThrownBy(() -> bench("--questions", "1", "--admin", "no-colon"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--admin takes user:password");
    }

    @Test
    void spreadsSubmitsAndTrackingReadsOverTheInstancesAndKeepsEachDoctorOnOne() throws Exception {
        second = standIn();

        BenchReport report = bench(List.of(server, second), "--questions", "12", "--doctors",
                "dr.ye:Neurology,dr.lin:Neurology,dr.chen:Cardiology,dr.wu:Cardiology").measure();

        assertThat(report.notified()).isEqualTo(12);
        assertThat(submitsByPort).containsOnlyKeys(port(server), port(second));
        assertThat(submitsByPort.values()).allSatisfy(count -> assertThat(count).hasValue(6));
        assertThat(trackReadsByPort).containsOnlyKeys(port(server), port(second));
        assertThat(portsByDoctor).hasSize(4).allSatisfy((doctor, ports) -> assertThat(ports).hasSize(1));
        assertThat(portsByDoctor.get("dr.ye")).containsExactly(port(server));
        assertThat(portsByDoctor.get("dr.lin")).containsExactly(port(second));
        assertThat(questions.values()).allSatisfy(q -> assertThat(q.replies).hasValue(1));
    }

    @Test
    void anInstanceGoneMidBenchLosesNoQuestionAndDoublesNoReply() throws Exception {
        second = standIn();
        // sequential submits: when the fifth arrives at the first instance, none is on its way to the second
        onSubmission = n -> {
            if (n == 5) {
                second.stop(0);
            }
        };

        BenchReport report = bench(List.of(server, second), "--questions", "12", "--concurrency", "1", "--doctors",
                "dr.ye:Neurology,dr.lin:Neurology").measure();

        assertThat(report.notified()).isEqualTo(12);
        assertThat(report.unfinished()).isZero();
        assertThat(submitsByPort.get(port(second))).as("the 2nd and 4th").hasValue(2);
        assertThat(portsByDoctor.get("dr.lin")).as("moved on").containsExactlyInAnyOrder(port(second), port(server));
        assertThat(questions.values()).hasSize(12).allSatisfy(q -> assertThat(q.replies).hasValue(1));
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
        return bench(List.of(server), args);
    }

    private BenchUnderTest bench(List<HttpServer> instances, String... args) throws IOException {
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        String bases = String.join(",", instances.stream().map(i -> "http://127.0.0.1:" + port(i)).toList());
        Infrastructure infrastructure = Infrastructure.shared();
        Path datasets = TestDatasets.write(root.resolve("datasets"),
                List.of("Knee pain. My knee hurts when I climb stairs, what helps?",
                        "Itchy rash on both arms. It started after gardening and will not go away after a week."),
                List.of(List.of("Glaucoma", "What are the symptoms of Glaucoma ?"),
                        List.of("Asthma", "What are the treatments for Asthma ?"),
                        List.of("Gouty arthritis", "What causes gouty arthritis and who gets it ?")));
        Map<String, String> env = Map.ofEntries(Map.entry("ASKFLOW_QUESTION_URL", bases),
                Map.entry("ASKFLOW_REPLY_URL", bases), Map.entry("ASKFLOW_WORKFLOW_URL", base),
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
            onSubmission = n -> {
                if (n == 1) {
                    onFirstQuestion.run();
                }
            };
            return bench.measure();
        }
    }

    /** Runs with the number of each submission, before it is answered. */
    private volatile IntConsumer onSubmission = n -> { };

    private static int port(HttpServer server) {
        return server.getAddress().getPort();
    }

    private void route(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        int port = exchange.getLocalAddress().getPort();
        boolean anonymous = method.equals("POST") && path.equals("/api/questions") || path.equals("/api/engine")
                || path.startsWith("/api/track/");
        String doctor = anonymous ? null : doctor(exchange);
        if (method.equals("POST") && path.equals("/api/questions")) {
            JsonNode ask = json.readTree(exchange.getRequestBody());
            assertThat(ask.path("email").asText()).contains("@");
            asked.add(new Ask(ask.path("title").asText(), ask.path("body").asText(), ask.path("consentToPublish").asBoolean()));
            FakeQuestion q = new FakeQuestion();
            questions.put(q.id, q);
            byToken.put(q.token, q);
            submitsByPort.computeIfAbsent(port, p -> new AtomicInteger()).incrementAndGet();
            onSubmission.accept(submissions.incrementAndGet());
            send(exchange, 201, Map.of("id", q.id, "trackingToken", q.token, "status", "ASKED", "askedAt", q.asked.toString()));
        } else if (path.equals("/api/engine")) {
            // the operator's API, as workflow has it: the demo profile's operator admin / askflow
            String login = exchange.getRequestHeaders().getFirst("Authorization");
            engineLogins.add(login == null ? "" : login);
            if (basic("admin", "askflow").equals(login)) {
                send(exchange, 200, Map.of("historyLevel", "full"));
            } else {
                send(exchange, 401, Map.of("status", 401));
            }
        } else if (path.startsWith("/api/track/")) {
            FakeQuestion q = byToken.get(path.substring("/api/track/".length()));
            trackReadsByPort.computeIfAbsent(port, p -> new AtomicInteger()).incrementAndGet();
            send(exchange, 200, track(q));
        } else if (doctor == null) {
            send(exchange, 401, Map.of());
        } else if (path.equals("/api/questions/mine")) {
            List<Map<String, Object>> items = new ArrayList<>();
            questions.values().stream().filter(q -> q.replied == null && doctor.equals(q.claimedBy))
                    .forEach(q -> items.add(Map.of("id", q.id)));
            send(exchange, 200, items);
        } else if (path.equals("/api/queue")) {
            portsByDoctor.computeIfAbsent(doctor, d -> ConcurrentHashMap.newKeySet()).add(port);
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
                q.claimedBy = doctor;
            }
            send(exchange, 200, Map.of());
        } else if (path.endsWith("/reply")) {
            FakeQuestion q = questions.get(UUID.fromString(path.split("/")[3]));
            assertThat(json.readTree(exchange.getRequestBody()).path("body").asText()).isNotBlank();
            q.replied = Instant.now();
            q.replies.incrementAndGet();
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

    private static String basic(String username, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private void send(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = json.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
