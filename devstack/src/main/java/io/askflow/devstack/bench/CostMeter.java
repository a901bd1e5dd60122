package io.askflow.devstack.bench;

import io.askflow.devstack.stack.ComponentProcesses;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads what the stack has spent so far (CPU per process from /proc, records in Kafka, commits in PostgreSQL) at the
 * start and at the end of the measured window, and turns the two readings into the cost per question.
 */
final class CostMeter implements AutoCloseable {

    /** pg_stat_database lags by up to a second (see {@link PostgresCommits}): its last reading waits this long. */
    static final Duration STATS_FLUSH = Duration.ofMillis(1500);

    static final String POSTGRES = "postgres";
    static final String BENCH = "bench";
    static final String TOTAL = "total";

    /** Everything read at one moment; an empty value could not be read. */
    record Snapshot(long nanos, Map<String, Map<String, Optional<ProcessCpu.Reading>>> instances,
                    Optional<ProcessCpu.Reading> postgres, Optional<ProcessCpu.Reading> bench,
                    Optional<Map<TopicPartition, Long>> kafka, Optional<Long> commits, int trackReads, int queueReads) {
    }

    private final Optional<ProcessCpu> cpu;
    private final ComponentProcesses components;
    private final KafkaRecords kafka;
    private final String kafkaAddress;
    private final PostgresCommits commits;

    CostMeter(Optional<ProcessCpu> cpu, ComponentProcesses components, String kafkaBootstrap, PostgresCommits commits) {
        this.cpu = cpu;
        this.components = components;
        this.kafka = new KafkaRecords(kafkaBootstrap);
        this.kafkaAddress = kafkaBootstrap;
        this.commits = commits;
    }

    /** The meter of the stack the options name: its pid files, its broker and its database. */
    static CostMeter of(BenchOptions options) {
        return new CostMeter(ProcessCpu.linux(), new ComponentProcesses(options.stack()), options.kafka(),
                new PostgresCommits(options.stack().database()));
    }

    /** The reading at the window's start. */
    Snapshot start(int trackReads, int queueReads) throws InterruptedException {
        return read(trackReads, queueReads, commits.committed());
    }

    /** The reading at the window's end; PostgreSQL's commits are read {@link #STATS_FLUSH} later. */
    Snapshot end(int trackReads, int queueReads) throws InterruptedException {
        Snapshot now = read(trackReads, queueReads, Optional.empty());
        Thread.sleep(STATS_FLUSH.toMillis());
        return new Snapshot(now.nanos(), now.instances(), now.postgres(), now.bench(), now.kafka(), commits.committed(),
                now.trackReads(), now.queueReads());
    }

    private Snapshot read(int trackReads, int queueReads, Optional<Long> committed) throws InterruptedException {
        Map<String, Map<String, Optional<ProcessCpu.Reading>>> instances = new LinkedHashMap<>();
        for (String component : components.components()) {
            Map<String, Optional<ProcessCpu.Reading>> readings = new LinkedHashMap<>();
            components.running(component).forEach((name, pid) -> readings.put(name, cpu.flatMap(c -> c.process(pid))));
            instances.put(component, readings);
        }
        return new Snapshot(System.nanoTime(), instances, cpu.flatMap(ProcessCpu::postgres),
                cpu.flatMap(c -> c.process(ProcessHandle.current().pid())), kafka.endOffsets(), committed,
                trackReads, queueReads);
    }

    /**
     * The cost per question between two readings.
     *
     * @param questions the questions NOTIFIED in the window, which the figures are divided by
     */
    Cost between(Snapshot before, Snapshot after, int questions) {
        List<String> unknown = new ArrayList<>();
        if (cpu.isEmpty()) {
            unknown.add("CPU: no /proc on this machine");
        }
        Map<String, Optional<Double>> cpuMillis = new LinkedHashMap<>();
        Map<String, Optional<Double>> instanceMillis = new LinkedHashMap<>();
        List<String> order = new ArrayList<>(components.components());
        // the services first, as the issue lists them, then what they use
        order.sort((a, b) -> Boolean.compare(isInfrastructure(a), isInfrastructure(b)));
        for (String component : order) {
            Map<String, Optional<ProcessCpu.Reading>> was = before.instances().getOrDefault(component, Map.of());
            Map<String, Optional<ProcessCpu.Reading>> is = after.instances().getOrDefault(component, Map.of());
            Set<String> names = new LinkedHashSet<>(was.keySet());
            names.addAll(is.keySet());
            if (names.isEmpty()) {
                cpuMillis.put(component, Optional.empty());
                unknown.add(component + ": no running process in the stack's pid files");
                continue;
            }
            Optional<Double> sum = Optional.of(0.0);
            for (String name : names) {
                Optional<Double> millis = between(was.getOrDefault(name, Optional.empty()),
                        is.getOrDefault(name, Optional.empty()));
                if (millis.isEmpty() && cpu.isPresent()) {
                    unknown.add(name + ": started, stopped or restarted during the window");
                }
                if (names.size() > 1) {
                    instanceMillis.put(name, millis);
                }
                sum = sum.flatMap(s -> millis.map(m -> s + m));
            }
            cpuMillis.put(component, sum);
        }
        Optional<Double> postgres = between(before.postgres(), after.postgres());
        if (postgres.isEmpty() && cpu.isPresent()) {
            unknown.add("postgres: no PostgreSQL server process on this machine, or it restarted during the window");
        }
        cpuMillis.put(POSTGRES, postgres);
        cpuMillis.put(BENCH, between(before.bench(), after.bench()));
        Optional<Double> total = cpuMillis.values().stream().reduce(Optional.of(0.0),
                (a, b) -> a.flatMap(x -> b.map(y -> x + y)));
        cpuMillis.put(TOTAL, total);
        Optional<Long> records = KafkaRecords.produced(before.kafka(), after.kafka());
        if (records.isEmpty()) {
            unknown.add("Kafka records: the broker at " + kafkaAddress + " did not answer");
        }
        Optional<Long> committed = before.commits().flatMap(b -> after.commits().map(a -> a - b));
        if (committed.isEmpty()) {
            unknown.add("PostgreSQL commits: pg_stat_database could not be read");
        }
        if (questions == 0) {
            unknown.add("per question: no question was NOTIFIED");
        }
        return new Cost(Math.round((after.nanos() - before.nanos()) / 1e6) / 1000.0, questions, perQuestion(cpuMillis, questions),
                perQuestion(instanceMillis, questions), perQuestion(records.map(Long::doubleValue), questions),
                perQuestion(committed.map(Long::doubleValue), questions),
                perQuestion(Optional.of((double) (after.trackReads() - before.trackReads())), questions),
                perQuestion(Optional.of((double) (after.queueReads() - before.queueReads())), questions), unknown);
    }

    private Optional<Double> between(Optional<ProcessCpu.Reading> before, Optional<ProcessCpu.Reading> after) {
        return cpu.flatMap(c -> c.millisBetween(before, after));
    }

    private static boolean isInfrastructure(String component) {
        return component.equals("kafka") || component.equals("smtp");
    }

    private static Map<String, Double> perQuestion(Map<String, Optional<Double>> totals, int questions) {
        Map<String, Double> each = new LinkedHashMap<>();
        totals.forEach((name, value) -> each.put(name, perQuestion(value, questions)));
        return each;
    }

    private static Double perQuestion(Optional<Double> total, int questions) {
        return questions == 0 ? null : total.map(t -> round(t / questions)).orElse(null);
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    @Override
    public void close() {
        kafka.close();
    }
}
