package io.askflow.devstack.stack;

import io.askflow.devstack.stack.Component.KafkaBroker;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.kafka.common.Uuid;

/** Kafka's KRaft configuration, written at each start, and its storage, formatted once. */
final class KafkaStorage {

    private final StackSettings settings;
    private final ChildProcesses children;
    private final PrintStream out;
    private final PrintStream err;

    KafkaStorage(StackSettings settings, ChildProcesses children, PrintStream out, PrintStream err) {
        this.settings = settings;
        this.children = children;
        this.out = out;
        this.err = err;
    }

    Path config() {
        return settings.kafkaDir().resolve("kraft.properties");
    }

    Path data() {
        return settings.kafkaDir().resolve("data");
    }

    /** Writes the configuration for these ports and formats the storage if it never was; returns the config. */
    Path prepare(KafkaBroker kafka) {
        try {
            Files.createDirectories(data());
            Files.writeString(config(), configuration(kafka));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!Files.exists(data().resolve("meta.properties"))) {
            format();
        }
        return config();
    }

    String configuration(KafkaBroker kafka) {
        return """
                # written by ./askflow at each start: one combined broker + controller in KRaft mode
                process.roles=broker,controller
                node.id=1
                controller.quorum.voters=1@127.0.0.1:%2$d
                listeners=PLAINTEXT://127.0.0.1:%1$d,CONTROLLER://127.0.0.1:%2$d
                advertised.listeners=PLAINTEXT://127.0.0.1:%1$d
                controller.listener.names=CONTROLLER
                inter.broker.listener.name=PLAINTEXT
                listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
                log.dirs=%3$s
                num.partitions=6
                offsets.topic.replication.factor=1
                transaction.state.log.replication.factor=1
                transaction.state.log.min.isr=1
                group.initial.rebalance.delay.ms=0
                log.retention.hours=168
                """.formatted(kafka.port(), kafka.controllerPort(), data());
    }

    private void format() {
        String clusterId = Uuid.randomUuid().toString();
        out.printf("Formatting Kafka's storage in %s (cluster %s), once.%n", settings.shown(data()), clusterId);
        Path log = settings.logs().resolve("kafka-format.log");
        int exit = children.run(List.of("-cp", settings.devstackLib().resolve("*").toString(),
                "kafka.tools.StorageTool", "format", "-t", clusterId, "-c", config().toString()), log);
        if (exit != 0) {
            err.print(ChildProcesses.read(log));
            throw new StackException("could not format Kafka's storage.");
        }
    }
}
