package io.askflow.devstack.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.askflow.devstack.stack.Component.Service;
import io.askflow.devstack.stack.TestStacks.Captured;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where each component of the stack listens: its command line, as the supervisor would start it. */
class LauncherTest {

    @TempDir
    Path root;

    private final Captured out = new Captured();

    @Test
    void everyServiceTheMailPageAndKafkaListenOnThisMachineOnlyByDefault() throws IOException {
        StackSettings settings = TestStacks.settings(root, Map.of());
        Stack stack = Stack.of(settings, 2);
        Launcher launcher = launcher(settings);

        assertThat(stack.services()).hasSize(10);
        for (Service service : stack.services()) {
            assertThat(launcher.javaArguments(service)).as(service.name())
                    .contains("--server.address=127.0.0.1", "--server.port=" + service.port())
                    .doesNotContain("--server.address=0.0.0.0");
        }
        assertThat(launcher.javaArguments(stack.smtp()))
                .containsSequence("--host", "127.0.0.1").containsSequence("--api-host", "127.0.0.1");
        assertThat(kafkaConfiguration(settings, stack))
                .contains("listeners=PLAINTEXT://127.0.0.1:" + settings.kafkaPort() + ",CONTROLLER://127.0.0.1:");
    }

    @Test
    void theBindAddressOpensTheServicesAndTheMailPageButNotSmtpOrKafka() throws IOException {
        StackSettings settings = TestStacks.settings(root, Map.of("ASKFLOW_BIND_ADDRESS", "0.0.0.0"));
        Stack stack = Stack.of(settings, 1);
        Launcher launcher = launcher(settings);

        for (Service service : stack.services()) {
            assertThat(launcher.javaArguments(service)).as(service.name())
                    .contains("--server.address=0.0.0.0").doesNotContain("--server.address=127.0.0.1");
        }
        assertThat(launcher.javaArguments(stack.smtp()))
                .containsSequence("--host", "127.0.0.1").containsSequence("--api-host", "0.0.0.0");
        assertThat(kafkaConfiguration(settings, stack)).contains("listeners=PLAINTEXT://127.0.0.1:");
    }

    @Test
    void acceptsOnlyThisMachineOrEveryInterface() {
        assertThat(TestStacks.settings(root, Map.of("ASKFLOW_BIND_ADDRESS", "127.0.0.1")).bindAddress())
                .isEqualTo("127.0.0.1");
        assertThat(TestStacks.settings(root, Map.of("ASKFLOW_BIND_ADDRESS", "::")).bindAddress())
                .isEqualTo("0:0:0:0:0:0:0:0");
        // the supervisor and the bench reach the services on 127.0.0.1, which one interface's address would not answer
        assertThatThrownBy(() -> TestStacks.settings(root, Map.of("ASKFLOW_BIND_ADDRESS", "192.0.2.10")))
                .isInstanceOf(StackException.class)
                .hasMessage("ASKFLOW_BIND_ADDRESS must be 127.0.0.1 (this machine only, the default) or 0.0.0.0 "
                        + "(every network interface), not '192.0.2.10'.");
    }

    /** A launcher with a (dummy) built jar for every service, so their command lines can be made. */
    private Launcher launcher(StackSettings settings) throws IOException {
        for (String module : Stack.of(settings, 1).services().stream().map(Service::module).toList()) {
            Files.createDirectories(settings.builtJar(module).getParent());
            Files.writeString(settings.builtJar(module), "not a jar: never started here");
        }
        ChildProcesses children = new ChildProcesses(settings);
        return new Launcher(settings, children, new KafkaStorage(settings, children, out.stream, out.stream),
                new PidFiles(settings));
    }

    private String kafkaConfiguration(StackSettings settings, Stack stack) {
        ChildProcesses children = new ChildProcesses(settings);
        return new KafkaStorage(settings, children, out.stream, out.stream).configuration(stack.kafka());
    }
}
