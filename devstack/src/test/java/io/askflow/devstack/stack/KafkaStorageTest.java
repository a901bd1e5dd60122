package io.askflow.devstack.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.askflow.devstack.stack.TestStacks.Captured;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaStorageTest {

    @TempDir
    Path root;

    private final Captured out = new Captured();
    private final Captured err = new Captured();

    @Test
    void configuresOneBrokerAndControllerOnTheStacksPorts() {
        StackSettings settings = TestStacks.settings(root,
                Map.of("ASKFLOW_KAFKA_PORT", "19092", "ASKFLOW_KAFKA_CONTROLLER_PORT", "19093"));
        KafkaStorage storage = new KafkaStorage(settings, new ChildProcesses(settings), out.stream, err.stream);

        String config = storage.configuration(Stack.of(settings).kafka());

        assertThat(config.lines()).contains(
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:19093",
                "listeners=PLAINTEXT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093",
                "advertised.listeners=PLAINTEXT://127.0.0.1:19092",
                "log.dirs=" + root.resolve(".askflow/kafka/data"),
                "num.partitions=6",
                "offsets.topic.replication.factor=1",
                "group.initial.rebalance.delay.ms=0");
    }

    @Test
    void writesTheConfigurationAndSaysSoWhenFormattingFails() {
        // a tree without a build: devstack/target/lib, the broker's class path, is missing
        StackSettings settings = TestStacks.settings(root, Map.of());
        KafkaStorage storage = new KafkaStorage(settings, new ChildProcesses(settings), out.stream, err.stream);

        assertThatThrownBy(() -> storage.prepare(Stack.of(settings).kafka()))
                .isInstanceOf(StackException.class)
                .hasMessage("could not format Kafka's storage.");

        assertThat(storage.config()).hasContent(storage.configuration(Stack.of(settings).kafka()));
        assertThat(out.text()).matches("Formatting Kafka's storage in \\.askflow/kafka/data \\(cluster \\S{22}\\), once\\.\\R");
        assertThat(err.text()).contains("kafka.tools.StorageTool");
    }
}
