package io.askflow.devstack.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.askflow.devstack.stack.ComponentProcesses;
import io.askflow.devstack.stack.StackException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code ./askflow bench}: drives a running stack from outside, as patients and doctors would, and reads the
 * legs of each question's trip from the dates the system recorded. It always ends: at the latest at its
 * deadline, reporting what did not finish.
 */
public final class Bench {

    private static final String[] AGE_RANGES = {"20~29", "30~39", "40~49", "50~59", "60~69"};
    private static final String[] GENDERS = {"female", "male", "other"};
    private final BenchOptions options;
    private final ObjectMapper json;
    private final JsonHttp http;
    private final String runId = UUID.randomUUID().toString().substring(0, 8);
    private final AtomicBoolean stop = new AtomicBoolean();
    private final AtomicInteger submitted = new AtomicInteger();
    private final AtomicInteger replied = new AtomicInteger();
    private final AtomicInteger queueReads = new AtomicInteger();
    private final AtomicBoolean rateLimitReported = new AtomicBoolean();
    private final CostMeter cost;
    private final Instances questionServices;
    private final Instances replyServices;
    private final ComponentProcesses processes;

    Bench(BenchOptions options, ObjectMapper json, CostMeter cost) {
        this.options = options;
        this.json = json;
        this.http = JsonHttp.anonymous(json);
        this.cost = cost;
        this.questionServices = new Instances(options.questionServices());
        this.replyServices = new Instances(options.replyServices());
        this.processes = new ComponentProcesses(options.stack());
    }

    public static int run(String[] args) throws InterruptedException {
        if (NotificationBenchOptions.wanted(args)) {
            return NotificationBench.run(args);
        }
        BenchOptions options;
        try {
            options = BenchOptions.parse(args, System.getenv(), Path.of(System.getProperty("askflow.root", ".")));
        } catch (IllegalArgumentException | StackException e) {
            System.err.println(e.getMessage());
            return 2;
        }
        ObjectMapper json = new ObjectMapper();
        BenchReport report;
        try (CostMeter cost = CostMeter.of(options)) {
            report = new Bench(options, json, cost).measure();
        } catch (BenchRefused e) {
            System.err.println(e.getMessage());
            return 2;
        }
        try {
            System.out.print(options.json() ? json.writeValueAsString(report) + System.lineSeparator() : report.text());
        } catch (IOException e) {
            throw new IllegalStateException("Could not write the report", e);
        }
        return report.unfinished() == 0 ? 0 : 1;
    }

    /** The stack cannot be benched: not running, or no doctor can log in. */
    static final class BenchRefused extends Exception {
        BenchRefused(String message) {
            super(message);
        }
    }

    /** A doctor logged in, at the desk: the index of the reply-service instance it works on. */
    private record OnDuty(BenchOptions.DemoDoctor doctor, JsonHttp http, int desk) {
    }

    BenchReport measure() throws InterruptedException, BenchRefused {
        List<OnDuty> doctors;
        try {
            doctors = logIn();
        } catch (IOException e) {
            throw new BenchRefused("reply-service is not reachable at " + replyServices
                    + " (" + e + "); start the stack with ./askflow up first.");
        }
        if (doctors.isEmpty()) {
            throw new BenchRefused("None of the demo doctors could log in to reply-service; is it running with the demo profile?");
        }
        Map<String, Integer> instancesAtStart = runningInstances();
        List<BenchQuestion> questions = questions(doctors);
        Map<UUID, BenchQuestion> byId = new ConcurrentHashMap<>();
        long started = System.nanoTime();
        long deadline = started + options.timeout().toNanos();

        ExecutorService desks = Executors.newFixedThreadPool(doctors.size());
        ExecutorService submitters = Executors.newFixedThreadPool(options.concurrency());
        ExecutorService trackers = Executors.newFixedThreadPool(Math.min(4, options.concurrency()));
        ExecutorService trackerLoop = Executors.newSingleThreadExecutor();
        ScheduledExecutorService progress = Executors.newSingleThreadScheduledExecutor();
        // a round of its own: the submits' turn does not depend on when the tracker reads
        Tracker tracker = new Tracker(http, new Instances(options.questionServices()), questions, trackers, Math.min(4, options.concurrency()),
                stop);
        boolean console = System.console() != null;
        CostMeter.Snapshot before;
        CostMeter.Snapshot after;
        try {
            doctors.forEach(d -> desks.execute(new DoctorDesk(d.doctor(), d.http(), replyServices, d.desk(), byId,
                    stop, replied::incrementAndGet, queueReads)));
            trackerLoop.execute(tracker);
            progress.scheduleAtFixedRate(() -> printProgress(questions, started, console), 1, console ? 1 : 5, TimeUnit.SECONDS);
            before = cost.start(tracker.reads(), queueReads.get());
            submitAll(questions, byId, submitters, deadline);
            while (System.nanoTime() < deadline && !questions.stream().allMatch(BenchQuestion::settled)) {
                Thread.sleep(200);
            }
            after = cost.end(tracker.reads(), queueReads.get());
        } finally {
            stop.set(true);
            progress.shutdownNow();
            List.of(submitters, desks, trackerLoop).forEach(ExecutorService::shutdownNow);
            for (ExecutorService pool : List.of(submitters, desks, trackerLoop)) {
                pool.awaitTermination(35, TimeUnit.SECONDS);
            }
            printProgress(questions, started, console);
            if (console) {
                System.err.println();
            }
        }
        readUnfinishedOnce(questions, tracker);
        trackers.shutdownNow();
        Duration wall = Duration.ofNanos(System.nanoTime() - started);
        int notified = (int) questions.stream().filter(BenchQuestion::notified).count();
        return BenchReport.of(options, questions, wall, historyLevel(), cost.between(before, after, notified),
                loadAverages(), instancesAtStart, runningInstances());
    }

    /**
     * The questions in the order they leave: each to the next doctor's specialty in turn, as the doctors' queues
     * need, with a text from the datasets and, about every other one, consent to publish (both from the seed).
     */
    private List<BenchQuestion> questions(List<OnDuty> doctors) {
        List<QuestionText> texts = QuestionTexts.load(options.stack().datasets(), options.seed(), options.questions(),
                json, System.err);
        Random consent = new Random(options.seed());
        List<BenchQuestion> questions = new ArrayList<>();
        for (int i = 0; i < options.questions(); i++) {
            questions.add(new BenchQuestion(i + 1, doctors.get(i % doctors.size()).doctor().specialty(),
                    texts.get(i % texts.size()), consent.nextBoolean()));
        }
        return questions;
    }

    /**
     * Each doctor's first request checks the password; a refused login is left out, not fatal. The doctors take
     * the instances of reply-service in turn: a session lives in the instance that opened it.
     */
    private List<OnDuty> logIn() throws IOException, InterruptedException {
        List<OnDuty> onDuty = new ArrayList<>();
        for (BenchOptions.DemoDoctor doctor : options.doctors()) {
            JsonHttp login = JsonHttp.login(json, doctor.username(), doctor.password());
            int desk = onDuty.size();
            JsonHttp.Response queue = login.get(replyServices.get(desk).resolve("api/queue"));
            if (queue.ok()) {
                onDuty.add(new OnDuty(doctor, login, desk));
            } else {
                System.err.printf("warning: %s could not read the queue (HTTP %d); %s questions go to the other doctors%n",
                        doctor.username(), queue.status(), doctor.specialty());
            }
        }
        return onDuty;
    }

    /** Flat out: as fast as the submit pool goes. Paced: question i leaves at i/rate seconds after the start. */
    private void submitAll(List<BenchQuestion> questions, Map<UUID, BenchQuestion> byId, ExecutorService pool,
                           long deadline) throws InterruptedException {
        long start = System.nanoTime();
        for (BenchQuestion question : questions) {
            if (options.rate() > 0) {
                long due = start + (long) ((question.index - 1) * 1_000_000_000L / options.rate());
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
            }
            pool.execute(() -> submit(question, byId, deadline));
        }
    }

    private void submit(BenchQuestion question, Map<UUID, BenchQuestion> byId, long deadline) {
        if (System.nanoTime() >= deadline) {
            question.failed("not submitted before the deadline");
            return;
        }
        Map<String, Object> ask = new LinkedHashMap<>();
        ask.put("nickname", "bench" + question.index);
        ask.put("email", "bench-" + runId + "-" + question.index + "@patients.askflow.test");
        ask.put("ageRange", AGE_RANGES[question.index % AGE_RANGES.length]);
        ask.put("gender", GENDERS[question.index % GENDERS.length]);
        ask.put("specialty", question.specialty);
        ask.put("title", question.text.title());
        ask.put("body", question.text.body());
        ask.put("consentToPublish", question.consentToPublish);
        try {
            long sent = System.nanoTime();
            JsonHttp.Response created = questionServices.call(base -> http.post(base.resolve("api/questions"), ask));
            if (created.status() == 201) {
                UUID id = UUID.fromString(created.body().path("id").asText());
                question.submitted(id, created.body().path("trackingToken").asText(),
                        (System.nanoTime() - sent) / 1_000_000);
                byId.put(id, question);
                submitted.incrementAndGet();
            } else {
                if (created.status() == 429 && rateLimitReported.compareAndSet(false, true)) {
                    System.err.println("\nquestion-service is rate limiting (HTTP 429): run ./askflow up --no-rate-limit for benches");
                }
                question.failed("submit answered " + created.status() + ": " + abbreviate(created.text()));
            }
        } catch (IOException e) {
            question.failed("submit failed: " + e);
        } catch (InterruptedException e) {
            question.failed("not submitted: the bench stopped");
            Thread.currentThread().interrupt();
        }
    }

    /** One last read of every unfinished question, so the report says where each one stopped. */
    private void readUnfinishedOnce(List<BenchQuestion> questions, Tracker tracker) throws InterruptedException {
        for (BenchQuestion question : questions) {
            if (!question.notified() && question.trackingToken() != null) {
                tracker.track(question);
            }
        }
    }

    private void printProgress(List<BenchQuestion> questions, long started, boolean console) {
        long notified = questions.stream().filter(BenchQuestion::notified).count();
        long failed = questions.stream().filter(q -> q.problem() != null).count();
        long inQueue = questions.stream().filter(q -> q.queuedAt() != null).count();
        String line = String.format(Locale.ROOT, "bench %3ds  submitted %d/%d  seen in queue %d  replied %d  notified %d  given up %d",
                (System.nanoTime() - started) / 1_000_000_000L, submitted.get(), questions.size(), inQueue,
                replied.get(), notified, failed);
        System.err.print(console ? "\r" + line + "   " : line + System.lineSeparator());
        System.err.flush();
    }

    /** The workflow's engine API is the operator's: it is read with {@code --admin}, and a refusal says so. */
    private String historyLevel() {
        try {
            JsonHttp.Response engine = JsonHttp.login(json, options.admin().username(), options.admin().password())
                    .get(options.workflow().resolve("api/engine"));
            if (engine.status() == 401) {
                return "unknown (401: pass --admin user:password, the operator login)";
            }
            String level = engine.ok() ? engine.body().path("historyLevel").asText("") : "";
            return level.isBlank() ? "unknown" : level;
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    /** How many instances of each service run now, by their pid files. */
    private Map<String, Integer> runningInstances() {
        Map<String, Integer> running = new LinkedHashMap<>();
        processes.components().stream().filter(c -> !c.equals("kafka") && !c.equals("smtp"))
                .forEach(service -> running.put(service, processes.runningInstances(service).size()));
        return running;
    }

    /** The 1, 5 and 15 minute load averages (Linux); empty elsewhere. */
    static List<Double> loadAverages() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return Arrays.stream(fields, 0, 3).map(Double::parseDouble).toList();
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    private static String abbreviate(String text) {
        String flat = text == null ? "" : text.replaceAll("\\s+", " ").strip();
        return flat.length() <= 200 ? flat : flat.substring(0, 200) + "...";
    }
}
