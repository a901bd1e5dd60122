package io.askflow.devstack.bench;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The bench's result, in milliseconds. {@code seconds} runs from the first question's ASKED to the last one's
 * NOTIFIED, both dates recorded by the system; {@code throughput} is the notified questions over that time.
 * {@code instances} counts the running instances of each service (by their pid files) at the start;
 * {@code instancesAtEnd} is there only when an instance stopped or started meanwhile. {@code submitResponse} is how
 * long question-service took to accept each question (POST /api/questions as the patient waits for it), over every
 * accepted question, notified or not.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record BenchReport(int questions, Double rate, double seconds, double wallSeconds, double throughput, int notified,
                   int unfinished, Map<String, Percentiles> legs, Percentiles submitResponse, String historyLevel,
                   Cost cost, double loadAverage, List<Double> loadAverages, String note,
                   List<Unfinished> unfinishedQuestions, Map<String, Integer> instances,
                   Map<String, Integer> instancesAtEnd) {

    /** Shown for at most this many unfinished questions. */
    static final int UNFINISHED_SHOWN = 20;

    record Unfinished(int index, UUID id, String status, String lastStep, String problem) {
    }

    static BenchReport of(BenchOptions options, Collection<BenchQuestion> all, Duration wall, String historyLevel,
                          Cost cost, List<Double> loadAverages, Map<String, Integer> instances,
                          Map<String, Integer> instancesAtEnd) {
        Map<String, List<Long>> samples = new LinkedHashMap<>();
        Legs.NAMES.forEach(name -> samples.put(name, new ArrayList<>()));
        Instant firstAsked = null;
        Instant lastNotified = null;
        int notified = 0;
        int estimated = 0;
        List<Unfinished> unfinished = new ArrayList<>();
        int unfinishedCount = 0;
        for (BenchQuestion q : all) {
            if (!q.notified()) {
                unfinishedCount++;
                if (unfinished.size() < UNFINISHED_SHOWN) {
                    Timeline t = q.timeline();
                    unfinished.add(new Unfinished(q.index, q.id(), t == null ? "unknown" : t.status(),
                            t == null ? "unknown" : t.lastStep(), q.problem()));
                }
                continue;
            }
            notified++;
            Timeline timeline = q.timeline();
            Legs.of(timeline, q.queuedAt()).forEach((name, millis) -> samples.get(name).add(millis));
            estimated += q.queuedAtEstimated() ? 1 : 0;
            Instant asked = timeline.at("ASKED").orElse(null);
            Instant done = timeline.at("NOTIFIED").orElseThrow();
            firstAsked = asked != null && (firstAsked == null || asked.isBefore(firstAsked)) ? asked : firstAsked;
            lastNotified = lastNotified == null || done.isAfter(lastNotified) ? done : lastNotified;
        }
        Map<String, Percentiles> legs = new LinkedHashMap<>();
        samples.forEach((name, values) -> legs.put(name, Percentiles.of(values.stream().mapToLong(Long::longValue).toArray())));
        Percentiles submitResponse = Percentiles.of(all.stream().mapToLong(BenchQuestion::submitMillis)
                .filter(millis -> millis >= 0).toArray());
        double seconds = firstAsked == null || lastNotified == null ? wall.toMillis() / 1000.0
                : Duration.between(firstAsked, lastNotified).toMillis() / 1000.0;
        double throughput = seconds > 0 ? notified / seconds : 0;
        String note = estimated == 0 ? null : estimated + " queue items carried no queuedAt: for them routedToQueued "
                + "and the doctor's time use the moment the bench first saw the question in a queue";
        return new BenchReport(all.size(), options.rate() > 0 ? options.rate() : null, round(seconds),
                round(wall.toMillis() / 1000.0), round(throughput), notified, unfinishedCount, legs, submitResponse,
                historyLevel, cost,
                loadAverages.isEmpty() ? -1 : loadAverages.get(0), loadAverages, note, unfinished, instances,
                instancesAtEnd.equals(instances) ? null : instancesAtEnd);
    }

    private static String row(String name, Percentiles p) {
        return p.samples() == 0
                ? String.format(Locale.ROOT, "  %-28s %8s %8s %8s %8d%n", name, "n/a", "n/a", "n/a", 0)
                : String.format(Locale.ROOT, "  %-28s %8d %8d %8d %8d%n", name, p.p50(), p.p95(), p.p99(), p.samples());
    }

    String text() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "Askflow bench: %d questions, %s%n", questions,
                rate == null ? "flat out" : "paced at " + rate + "/s"));
        out.append(String.format(Locale.ROOT, "  notified    %d of %d in %.1f s (first ASKED to last NOTIFIED; wall %.1f s)%n",
                notified, questions, seconds, wallSeconds));
        out.append(String.format(Locale.ROOT, "  throughput  %.2f questions NOTIFIED per second%n", throughput));
        out.append("  instances   ").append(counts(instances));
        if (instancesAtEnd != null) {
            out.append(" (at the end: ").append(counts(instancesAtEnd)).append(')');
        }
        out.append(System.lineSeparator());
        out.append(String.format(Locale.ROOT, "  %-28s %8s %8s %8s %8s%n", "leg (ms)", "p50", "p95", "p99", "samples"));
        legs.forEach((name, p) -> out.append(row(name, p)));
        out.append(row("submit response", submitResponse));
        out.append(String.format(Locale.ROOT, "  unfinished  %d%n", unfinished));
        for (Unfinished u : unfinishedQuestions) {
            out.append(String.format(Locale.ROOT, "    #%d %s status=%s last step=%s%s%n", u.index(), u.id(), u.status(),
                    u.lastStep(), u.problem() == null ? "" : " (" + u.problem() + ")"));
        }
        if (unfinished > unfinishedQuestions.size()) {
            out.append(String.format(Locale.ROOT, "    ... and %d more%n", unfinished - unfinishedQuestions.size()));
        }
        out.append(cost.text());
        out.append(String.format(Locale.ROOT, "  Camunda history level  %s%n", historyLevel));
        out.append(String.format(Locale.ROOT, "  load average           %s (1, 5, 15 min; %d cores)%n",
                loadAverages.isEmpty() ? "unknown" : loadAverages, Runtime.getRuntime().availableProcessors()));
        if (note != null) {
            out.append("  note: ").append(note).append(System.lineSeparator());
        }
        return out.toString();
    }

    /** "question-service 2, reply-service 2, ...": 0 for a service of which no instance ran. */
    private static String counts(Map<String, Integer> instances) {
        return String.join(", ", instances.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList());
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
