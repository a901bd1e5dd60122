package io.askflow.devstack.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.askflow.devstack.stack.ComponentProcesses;
import io.askflow.devstack.stack.StackSettings;
import io.askflow.testsupport.Infrastructure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The meter on real /proc, pid files, broker and database; the five services are stood in for by marked processes. */
class CostMeterTest {

    private final Infrastructure infrastructure = Infrastructure.shared();
    private final List<Process> processes = new ArrayList<>();

    @AfterEach
    void stopProcesses() {
        processes.forEach(Process::destroyForcibly);
    }

    @Test
    void givesEachComponentsCpuPerQuestionAndSaysWhatItCouldNotRead(@TempDir Path root) throws Exception {
        assumeThat(ProcessCpu.linux()).as("/proc (Linux)").isPresent();
        StackSettings settings = settings(root);
        running(settings, "workflow");
        running(settings, "workflow-2");
        running(settings, "question-service");
        Process restarted = running(settings, "reply-service");
        try (CostMeter meter = meter(settings)) {
            CostMeter.Snapshot before = meter.start(10, 4);
            restarted.destroyForcibly().waitFor();
            running(settings, "reply-service");
            CostMeter.Snapshot after = meter.end(30, 10);

            Cost cost = meter.between(before, after, 2);

            assertThat(cost.questions()).isEqualTo(2);
            assertThat(cost.windowSeconds()).isPositive().isLessThan(60);
            assertThat(cost.cpuMillisPerQuestion()).containsOnlyKeys("question-service", "reply-service", "workflow",
                    "enrichment-service", "notification-service", "kafka", "smtp", "postgres", "bench", "total");
            assertThat(List.copyOf(cost.cpuMillisPerQuestion().keySet())).startsWith("question-service")
                    .endsWith("kafka", "smtp", "postgres", "bench", "total");
            assertThat(cost.cpuMillisPerQuestion().get("workflow")).isNotNull().isGreaterThanOrEqualTo(0.0);
            assertThat(cost.cpuMillisPerQuestion().get("question-service")).isNotNull();
            assertThat(cost.instanceCpuMillisPerQuestion()).containsOnlyKeys("workflow", "workflow-2");
            assertThat(cost.cpuMillisPerQuestion().get("bench")).isNotNull();
            // unknown, not 0: a restarted process, components without a process, and so the total
            assertThat(cost.cpuMillisPerQuestion()).containsEntry("reply-service", null).containsEntry("smtp", null)
                    .containsEntry("enrichment-service", null).containsEntry("total", null);
            assertThat(cost.unknown()).contains("reply-service: started, stopped or restarted during the window",
                    "smtp: no running process in the stack's pid files");
            assertThat(cost.kafkaRecordsPerQuestion()).isNotNull();
            assertThat(cost.postgresCommitsPerQuestion()).isNotNull().isPositive();
            assertThat(cost.trackReadsPerQuestion()).isEqualTo(10.0);
            assertThat(cost.queueReadsPerQuestion()).isEqualTo(3.0);
            assertThat(cost.text()).contains("    workflow ").contains("      workflow-2 ")
                    .containsPattern("reply-service +unknown");
        }
    }

    @Test
    void withoutANotifiedQuestionNothingIsPerQuestion(@TempDir Path root) throws Exception {
        StackSettings settings = settings(root);
        try (CostMeter meter = meter(settings)) {
            Cost cost = meter.between(meter.start(0, 0), meter.end(0, 0), 0);

            assertThat(cost.cpuMillisPerQuestion().values()).containsOnlyNulls();
            assertThat(cost.kafkaRecordsPerQuestion()).isNull();
            assertThat(cost.postgresCommitsPerQuestion()).isNull();
            assertThat(cost.unknown()).contains("per question: no question was NOTIFIED");
        }
    }

    private StackSettings settings(Path root) {
        return StackSettings.from(root, "test", Map.of("ASKFLOW_HOME", root.resolve(".askflow").toString(),
                "ASKFLOW_DB_HOST", infrastructure.databaseHost(),
                "ASKFLOW_DB_PORT", String.valueOf(infrastructure.databasePort()),
                "ASKFLOW_DB_NAME", infrastructure.databaseName(), "ASKFLOW_DB_USER", infrastructure.databaseUser(),
                "ASKFLOW_DB_PASSWORD", infrastructure.databasePassword()));
    }

    private CostMeter meter(StackSettings settings) {
        return new CostMeter(ProcessCpu.linux(), new ComponentProcesses(settings),
                infrastructure.kafkaBootstrapServers(), new PostgresCommits(settings.database()));
    }

    /** A process with the component's marker on its command line and its pid file, as ./askflow up leaves them. */
    private Process running(StackSettings settings, String name) throws Exception {
        // "; :" keeps the shell from exec-ing sleep in its place, so this pid keeps the marker
        Process process = new ProcessBuilder("sh", "-c", "sleep 60; :", "-Daskflow.component=" + name).start();
        processes.add(process);
        Files.createDirectories(settings.run());
        Files.writeString(settings.run().resolve(name + ".pid"), process.pid() + "\n");
        return process;
    }
}
