package io.askflow.devstack.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComponentProcessesTest {

    private Process first;
    private Process second;

    @AfterEach
    void stopProcesses() {
        for (Process process : new Process[] {first, second}) {
            if (process != null) {
                process.destroyForcibly();
            }
        }
    }

    @Test
    void listsEachRunningInstanceOfAComponentAndLeavesStalePidFilesAlone(@TempDir Path root) throws Exception {
        StackSettings settings = TestStacks.settings(root, Map.of());
        PidFiles pids = new PidFiles(settings);
        first = marked("workflow");
        second = marked("workflow-2");
        pids.record("workflow", first.pid());
        pids.record("workflow-2", second.pid());
        pids.record("workflow-extra", second.pid());
        pids.record("kafka", ProcessHandle.current().pid());     // not kafka: no marker on this JVM's command line

        ComponentProcesses processes = new ComponentProcesses(settings);

        assertThat(processes.running("workflow")).containsExactly(Map.entry("workflow", first.pid()),
                Map.entry("workflow-2", second.pid()));
        assertThat(processes.runningInstances("workflow")).containsExactly(1, 2);
        assertThat(processes.running("kafka")).isEmpty();
        assertThat(processes.runningInstances("kafka")).isEmpty();
        assertThat(processes.running("smtp")).isEmpty();
        assertThat(settings.run().resolve("kafka.pid")).exists();
        assertThat(processes.components()).containsExactly("kafka", "smtp", "question-service", "reply-service",
                "workflow", "enrichment-service", "notification-service");
    }

    @Test
    void noPidFilesNoProcesses(@TempDir Path root) {
        StackSettings settings = TestStacks.settings(root, Map.of());

        assertThat(Files.exists(settings.run())).isFalse();
        assertThat(new ComponentProcesses(settings).running("workflow")).isEmpty();
    }

    /** A process whose command line carries the component's marker, as the stack's JVMs do. */
    static Process marked(String name) throws Exception {
        // "; :" keeps the shell from exec-ing sleep in its place, so this pid keeps the marker
        return new ProcessBuilder("sh", "-c", "sleep 60; :", PidFiles.marker(name)).start();
    }
}
