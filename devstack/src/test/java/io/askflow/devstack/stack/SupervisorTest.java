package io.askflow.devstack.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.askflow.devstack.stack.Component.Service;
import io.askflow.devstack.stack.TestStacks.Captured;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real child JVMs (the SMTP catcher, a broken jar, one that ignores SIGTERM) in a temp ASKFLOW_HOME, on free ports. */
class SupervisorTest {

    @TempDir
    Path root;

    private final Captured out = new Captured();
    private final Captured err = new Captured();
    private StackSettings settings;
    private Stack stack;
    private PidFiles pids;
    private ChildProcesses children;
    private Supervisor supervisor;

    @BeforeEach
    void wire() {
        settings = TestStacks.settings(root, Map.of());
        stack = Stack.of(settings);
        pids = new PidFiles(settings);
        children = new ChildProcesses(settings);
        Launcher launcher = new Launcher(settings, children,
                new KafkaStorage(settings, children, out.stream, err.stream), pids);
        supervisor = new Supervisor(settings, pids, launcher, new Health(), out.stream, err.stream);
    }

    @AfterEach
    void stopWhatIsLeft() {
        supervisor.stop(stack.components());
    }

    @Test
    void startsTheSmtpCatcherUntilHealthyAndStopsIt() {
        supervisor.begin(stack.smtp());
        supervisor.awaitHealthy(stack.smtp());

        long pid = supervisor.pid(stack.smtp()).orElseThrow();
        assertThat(supervisor.state(stack.smtp())).isEqualTo(Supervisor.State.UP);
        assertThat(out.text()).contains("Starting smtp (log: .askflow/logs/smtp.log)");
        assertThat(ChildProcesses.read(settings.log("smtp")))
                .startsWith("=== ").contains("-Xmx384m").contains("SMTP catcher: smtp://127.0.0.1:" + stack.smtp().port());
        assertThat(settings.run().resolve("smtp.pid")).hasContent(pid + "\n");

        supervisor.begin(stack.smtp());
        assertThat(out.text()).contains("smtp runs already (pid " + pid + ").");

        supervisor.stop(List.of(stack.smtp()));

        assertThat(out.text()).contains("Stopping smtp (pid " + pid + ")").doesNotContain("SIGKILL");
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).isIn(Optional.empty(), Optional.of(false));
        assertThat(settings.run().resolve("smtp.pid")).doesNotExist();
        assertThat(supervisor.state(stack.smtp())).isEqualTo(Supervisor.State.DOWN);
    }

    @Test
    void refusesToStartWhenAPortIsInUse() throws IOException {
        try (ServerSocket taken = new ServerSocket(stack.smtp().apiPort(), 1, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> supervisor.begin(stack.smtp()))
                    .isInstanceOf(StackException.class)
                    .hasMessage("cannot start smtp: its port is in use by another process (not started by ./askflow).");
        }
        assertThat(settings.run().resolve("smtp.pid")).doesNotExist();
    }

    @Test
    void showsTheLogOfAServiceThatExitsDuringStart() throws IOException {
        Path jar = settings.builtJar("workflow");
        Files.createDirectories(jar.getParent());
        Files.writeString(jar, "not a jar");
        // the stack's workflow, on a free port: a dev stack running on this machine holds the real one
        Service stacked = stack.services().stream().filter(s -> s.name().equals("workflow")).findFirst().orElseThrow();
        Service workflow = new Service(stacked.name(), stacked.module(), 1, TestStacks.freePort(), stacked.page(),
                stacked.arguments());

        supervisor.begin(workflow);

        assertThatThrownBy(() -> supervisor.awaitHealthy(workflow))
                .isInstanceOf(StackException.class)
                .hasMessage("workflow did not start; ./askflow down stops the rest.");
        assertThat(err.text())
                .startsWith("workflow exited during start. Its log, .askflow/logs/workflow.log, ends with:")
                .contains("--spring.profiles.active=demo", "--server.port=" + workflow.port())
                .contains("Invalid or corrupt jarfile");
        assertThat(settings.jars().resolve("workflow.jar")).hasContent("not a jar");
    }

    @Test
    void killsWhatStillRunsAfterTheStopTimeout() {
        Service stubborn = new Service("stubborn", "stubborn", 1, TestStacks.freePort(), "/", List.of());
        long pid = children.launch(stubborn.name(),
                List.of("-cp", System.getProperty("java.class.path"), IgnoresSigterm.class.getName()), Map.of());
        pids.record(stubborn.name(), pid);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> ChildProcesses.read(settings.log("stubborn")).contains("ready"));

        supervisor.stop(List.of(stubborn));

        assertThat(out.text()).contains("Stopping stubborn (pid " + pid + ")", "stubborn still runs after 2s: SIGKILL");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true));
        assertThat(supervisor.pid(stubborn)).isEmpty();
    }

    @Test
    void takesAPidWithoutItsMarkerForAStalePidFile() {
        pids.record("smtp", ProcessHandle.current().pid());

        assertThat(supervisor.state(stack.smtp())).isEqualTo(Supervisor.State.DOWN);
        assertThat(settings.run().resolve("smtp.pid")).doesNotExist();
    }
}
