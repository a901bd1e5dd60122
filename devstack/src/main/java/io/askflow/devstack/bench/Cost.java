package io.askflow.devstack.bench;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What each NOTIFIED question cost over the measured window (from the first submit to the bench seeing the last
 * question settle). A figure that could not be read is null (JSON) or "unknown" (text), never 0; {@code unknown}
 * says why.
 *
 * @param cpuMillisPerQuestion         CPU ms per component: the five services (their instances summed), kafka, smtp,
 *                                     postgres (all its processes), bench (this JVM), and total
 * @param instanceCpuMillisPerQuestion CPU ms per instance of the components that run more than one
 * @param trackReadsPerQuestion        the bench's reads of question-service's tracking API
 * @param queueReadsPerQuestion        the bench's doctors' reads of their reply-service queue
 */
record Cost(double windowSeconds, int questions, Map<String, Double> cpuMillisPerQuestion,
            Map<String, Double> instanceCpuMillisPerQuestion, Double kafkaRecordsPerQuestion,
            Double postgresCommitsPerQuestion, Double trackReadsPerQuestion, Double queueReadsPerQuestion,
            List<String> unknown) {

    String text() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "  cost per NOTIFIED question (%d over %.1f s from the first submit)%n",
                questions, windowSeconds));
        out.append("    CPU ms").append(System.lineSeparator());
        cpuMillisPerQuestion.forEach((name, millis) -> {
            out.append(line(name, millis));
            instanceCpuMillisPerQuestion.entrySet().stream()
                    .filter(i -> i.getKey().equals(name) || i.getKey().startsWith(name + "-"))
                    .forEach(i -> out.append(line("  " + i.getKey(), i.getValue())));
        });
        out.append(line("Kafka records", kafkaRecordsPerQuestion));
        out.append(line("PostgreSQL commits", postgresCommitsPerQuestion));
        out.append(line("bench tracking reads", trackReadsPerQuestion));
        out.append(line("bench queue reads", queueReadsPerQuestion));
        unknown.forEach(why -> out.append("    unknown: ").append(why).append(System.lineSeparator()));
        return out.toString();
    }

    private static String line(String name, Double value) {
        return String.format(Locale.ROOT, "    %-28s %10s%n", name,
                value == null ? "unknown" : String.format(Locale.ROOT, "%.1f", value));
    }
}
