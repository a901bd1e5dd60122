package io.askflow.devstack.stack;

import io.askflow.devstack.stack.Component.KafkaBroker;
import io.askflow.devstack.stack.Component.MailCatcher;
import io.askflow.devstack.stack.Component.Service;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The command line of each component, and its start. */
final class Launcher {

    private final StackSettings settings;
    private final ChildProcesses children;
    private final KafkaStorage kafkaStorage;
    private final PidFiles pids;

    Launcher(StackSettings settings, ChildProcesses children, KafkaStorage kafkaStorage, PidFiles pids) {
        this.settings = settings;
        this.children = children;
        this.kafkaStorage = kafkaStorage;
        this.pids = pids;
    }

    void launch(Component component) {
        Map<String, String> environment = component instanceof Service ? settings.serviceEnvironment() : Map.of();
        pids.record(component.name(), children.launch(component.name(), javaArguments(component), environment));
    }

    /** The JVM's arguments (after {@code java}) that start a component. */
    List<String> javaArguments(Component component) {
        if (component instanceof KafkaBroker kafka) {
            return kafka(kafka);
        } else if (component instanceof MailCatcher smtp) {
            return smtp(smtp);
        }
        return service((Service) component);
    }

    private List<String> kafka(KafkaBroker kafka) {
        requireFile(settings.devstackLib());
        Path config = kafkaStorage.prepare(kafka);
        return List.of("-Xms256m", "-Xmx512m", "-XX:+UseG1GC", "-Djava.awt.headless=true",
                "-Dorg.slf4j.simpleLogger.showDateTime=true", "-Dorg.slf4j.simpleLogger.log.org.apache.kafka=warn",
                "-cp", settings.devstackLib().resolve("*").toString(), "kafka.Kafka", config.toString());
    }

    // the catcher is in this very jar (or, under test, on this class path); its SMTP port serves only the stack's
    // own notification-service, so it stays on 127.0.0.1 whatever the bind address (as does Kafka)
    private List<String> smtp(MailCatcher smtp) {
        return List.of("-Xmx384m", "-cp", System.getProperty("java.class.path"), "io.askflow.devstack.Devstack",
                "smtp", "--host", "127.0.0.1", "--smtp-port", String.valueOf(smtp.port()),
                "--api-host", settings.bindAddress(), "--api-port", String.valueOf(smtp.apiPort()));
    }

    private List<String> service(Service service) {
        Path jar = settings.builtJar(service.module());
        requireFile(jar);
        // C1 only: with five or more JVMs on two cores, C2 recompiling Spring, Camunda and MyBatis took 40-60 % of
        // every service's CPU for half an hour of bench (/proc thread times); with C1 it was under 5 % (issue 12)
        List<String> args = new ArrayList<>(List.of("-Xmx" + settings.serviceHeap(), "-XX:+UseG1GC",
                "-XX:TieredStopAtLevel=1",
                "-XX:+ExitOnOutOfMemoryError", "-jar", runningCopy(service.name(), jar).toString(),
                "--spring.profiles.active=demo", "--server.address=" + settings.bindAddress(),
                "--server.port=" + service.port()));
        if (Files.exists(settings.noRateLimitMarker())) {
            args.addAll(List.of("--askflow.rate-limit.enabled=false", "--askflow.mail.max-per-second=0"));
        }
        // the first instance fills an empty knowledge base; the others find it in the shared schema
        if (service.module().equals("enrichment-service") && service.instance() == 1) {
            Path medquad = settings.datasets().resolve("medquad/medquad.jsonl.gz");
            if (Files.isRegularFile(medquad)) {
                args.add("--askflow.knowledge.import-on-start=" + medquad);
            }
        }
        args.addAll(service.arguments());
        return args;
    }

    /**
     * A JVM reads its jar lazily, so a build that rewrites target/*.jar (./mvnw package, or ./askflow up rebuilding
     * while some services run) pulls classes from under it and it fails with NoClassDefFoundError. Each service
     * therefore runs from its own copy of its (self-contained) jar; a restart picks the new build up.
     */
    private Path runningCopy(String name, Path jar) {
        Path copy = settings.jars().resolve(name + ".jar");
        Path partial = settings.jars().resolve(name + ".jar.tmp");
        try {
            Files.createDirectories(settings.jars());
            Files.copy(jar, partial, StandardCopyOption.REPLACE_EXISTING);
            Files.move(partial, copy, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return copy;
        } catch (IOException e) {
            throw new StackException("cannot copy " + settings.shown(jar) + " to " + settings.shown(copy));
        }
    }

    void requireFile(Path file) {
        if (!Files.exists(file)) {
            throw new StackException(settings.shown(file)
                    + " is missing; run ./askflow up (it builds) or ./mvnw -DskipTests install.");
        }
    }
}
