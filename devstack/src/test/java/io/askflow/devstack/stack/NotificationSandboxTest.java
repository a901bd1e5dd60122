package io.askflow.devstack.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.askflow.devstack.stack.TestStacks.Captured;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The mail bench's own notification-service is planned apart from the dev stack, whatever the environment says. */
class NotificationSandboxTest {

    /** The dev stack as ./askflow up runs it: its ports, its broker, its state folder. */
    private static final Map<String, String> DEV_STACK = Map.of(
            "ASKFLOW_KAFKA_BOOTSTRAP", "127.0.0.1:9092",
            "ASKFLOW_KAFKA_PORT", "9092",
            "ASKFLOW_KAFKA_CONTROLLER_PORT", "9093",
            "ASKFLOW_SMTP_PORT", "2525",
            "ASKFLOW_MAIL_API_PORT", "8025",
            "ASKFLOW_DB_NAME", "askflow",
            "ASKFLOW_BIND_ADDRESS", "0.0.0.0",
            "ASKFLOW_STOP_TIMEOUT", "2");

    @TempDir
    Path root;

    private final Captured out = new Captured();

    @Test
    void runsOnItsOwnPortsStateAndSchema() {
        Path home = root.resolve("bench-home");
        NotificationSandbox sandbox = NotificationSandbox.plan(root, TestStacks.VERSION, DEV_STACK, home, "ab12cd34",
                out.stream);
        StackSettings settings = sandbox.settings();

        List<Integer> ports = List.of(settings.kafkaPort(), settings.kafkaControllerPort(), settings.smtpPort(),
                settings.mailApiPort(), sandbox.service().port());
        assertThat(ports).doesNotContainAnyElementsOf(List.of(9092, 9093, 2525, 8025, 8084)).doesNotHaveDuplicates();
        assertThat(settings.state()).isEqualTo(home);
        assertThat(settings.kafkaDir().startsWith(home)).isTrue();
        assertThat(settings.jars().startsWith(home)).isTrue();
        assertThat(settings.database().name()).isEqualTo("askflow");
        assertThat(settings.bindAddress()).isEqualTo("127.0.0.1");
        assertThat(sandbox.schema()).isEqualTo("notification_bench_ab12cd34");
        assertThat(sandbox.kafkaBootstrap()).isEqualTo("127.0.0.1:" + settings.kafkaPort());
        assertThat(sandbox.mailApi()).isEqualTo(URI.create("http://127.0.0.1:" + settings.mailApiPort() + "/"));

        assertThat(sandbox.service().module()).isEqualTo("notification-service");
        assertThat(sandbox.service().arguments()).containsExactly(
                "--askflow.db.schema=notification_bench_ab12cd34",
                "--spring.kafka.bootstrap-servers=127.0.0.1:" + settings.kafkaPort(),
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + settings.smtpPort(),
                "--askflow.mail.max-per-second=0");
        assertThat(settings.serviceEnvironment())
                .containsEntry("ASKFLOW_KAFKA_BOOTSTRAP", "127.0.0.1:" + settings.kafkaPort())
                .containsEntry("SPRING_MAIL_PORT", String.valueOf(settings.smtpPort()));
        KafkaStorage storage = new KafkaStorage(settings, new ChildProcesses(settings), out.stream, out.stream);
        assertThat(storage.configuration(new Component.KafkaBroker(settings.kafkaPort(),
                settings.kafkaControllerPort())).lines())
                .contains("listeners=PLAINTEXT://127.0.0.1:%d,CONTROLLER://127.0.0.1:%d"
                        .formatted(settings.kafkaPort(), settings.kafkaControllerPort()))
                .contains("log.dirs=" + home.resolve("kafka/data"));
    }

    @Test
    void aRunIdMustMakeAPlainSchemaName() {
        assertThatThrownBy(() -> NotificationSandbox.plan(root, TestStacks.VERSION, DEV_STACK, root, "x\"; drop",
                out.stream)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void withoutTheBuiltJarItSaysWhatToRunStartsNothingAndLeavesNothing() throws Exception {
        Path home = Files.createDirectories(root.resolve("bench-home"));
        NotificationSandbox sandbox = NotificationSandbox.plan(root, TestStacks.VERSION, DEV_STACK, home, "ab12cd34",
                out.stream);

        assertThatThrownBy(sandbox::start)
                .isInstanceOf(StackException.class)
                .hasMessage("notification-service/target/notification-service-test.jar is missing; build it with"
                        + " ./mvnw -pl notification-service -am package -DskipTests (or ./askflow up, which builds).");
        sandbox.close();

        assertThat(home).doesNotExist();
        assertThat(out.text()).doesNotContain("Starting");
    }
}
