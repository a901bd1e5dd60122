package io.askflow.e2e;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.askflow.testsupport.Infrastructure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The whole system for end-to-end tests: the test JVM's PostgreSQL database and in-process Kafka broker,
 * GreenMail as the SMTP server, and the five packaged services as separate processes on free ports; optionally a
 * second instance of some of them, on the same database, schema and consumer group, as {@code ./askflow up
 * --instances 2} runs them.
 */
final class AskflowStack implements AutoCloseable {

    /** Arguments of one instance (1 or 2) of a module beyond those all its instances share. */
    @FunctionalInterface
    interface InstanceArguments {
        List<String> of(String module, int instance);
    }

    static final String QUESTION = "question-service";
    static final String REPLY = "reply-service";
    static final String WORKFLOW = "workflow";
    static final String ENRICHMENT = "enrichment-service";
    static final String NOTIFICATION = "notification-service";

    private final Infrastructure infrastructure = Infrastructure.shared();
    private final GreenMail smtp;
    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    private final Set<String> twice;
    private final InstanceArguments perInstance;
    private final int partitions;
    private final Path indexDir;

    AskflowStack() {
        this(Set.of(), (module, instance) -> List.of(), 2);
    }

    /**
     * @param twice       the modules that run a second instance, named {@code module-2}
     * @param perInstance what each instance of a module adds to the shared arguments
     * @param partitions  of each topic the services declare
     */
    AskflowStack(Set<String> twice, InstanceArguments perInstance, int partitions) {
        this.twice = Set.copyOf(twice);
        this.perInstance = perInstance;
        this.partitions = partitions;
        int smtpPort = freePort();
        smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try {
            indexDir = Files.createTempDirectory("askflow-e2e-index");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int questionPort = freePort();
        add(QUESTION, questionPort, List.of("--askflow.public-url=http://127.0.0.1:" + questionPort,
                "--askflow.rate-limit.enabled=false"));
        add(REPLY, freePort(), List.of());
        add(WORKFLOW, freePort(), List.of());
        add(ENRICHMENT, freePort(), List.of());
        add(NOTIFICATION, freePort(), List.of("--spring.mail.host=127.0.0.1", "--spring.mail.port=" + smtpPort,
                "--askflow.mail.max-per-second=0"));
    }

    private void add(String module, int port, List<String> extra) {
        List<String> arguments = new ArrayList<>(List.of(
                "--spring.profiles.active=demo",
                "--askflow.db.host=" + infrastructure.databaseHost(),
                "--askflow.db.port=" + infrastructure.databasePort(),
                "--askflow.db.name=" + infrastructure.databaseName(),
                "--askflow.db.user=" + infrastructure.databaseUser(),
                "--askflow.db.password=" + infrastructure.databasePassword(),
                "--spring.kafka.bootstrap-servers=" + infrastructure.kafkaBootstrapServers(),
                "--askflow.kafka.partitions=" + partitions));
        arguments.addAll(extra);
        services.put(module, new ServiceProcess(module, module, port, concat(arguments, own(module, 1))));
        if (twice.contains(module)) {
            String second = module + "-2";
            services.put(second, new ServiceProcess(second, module, freePort(), concat(arguments, own(module, 2))));
        }
    }

    // a Lucene index folder takes one writer: each enrichment instance has its own
    private List<String> own(String module, int instance) {
        List<String> own = new ArrayList<>(perInstance.of(module, instance));
        if (module.equals(ENRICHMENT)) {
            own.add("--askflow.index.dir=" + indexDir.resolve("instance-" + instance));
        }
        return own;
    }

    private static List<String> concat(List<String> first, List<String> then) {
        List<String> all = new ArrayList<>(first);
        all.addAll(then);
        return all;
    }

    /**
     * Starts every service's first instance at once (they start faster together than one by one), then the second
     * instances, once the first have created their schemas (two workflows creating Camunda's tables at once
     * collide), and waits until all are UP.
     */
    void start() throws IOException, InterruptedException {
        startTogether(services.values().stream().filter(s -> s.name().equals(s.module())).toList());
        startTogether(services.values().stream().filter(s -> !s.name().equals(s.module())).toList());
    }

    private static void startTogether(List<ServiceProcess> instances) throws IOException, InterruptedException {
        for (ServiceProcess service : instances) {
            service.start();
        }
        for (ServiceProcess service : instances) {
            service.awaitHealthy(Duration.ofMinutes(4));
        }
    }

    /** Stops one service and starts it again, as an operator's {@code ./askflow stop/start NAME} would. */
    void restart(String module) throws IOException, InterruptedException {
        ServiceProcess service = services.get(module);
        service.stop();
        service.start();
        service.awaitHealthy(Duration.ofMinutes(3));
    }

    /** SIGKILL to one instance, e.g. {@code workflow-2}. */
    void kill(String name) throws InterruptedException {
        services.get(name).kill();
    }

    /** The base URL of a module's first instance, or of an instance by its name. */
    String url(String name) {
        return services.get(name).baseUrl();
    }

    ServiceProcess instance(String name) {
        return services.get(name);
    }

    GreenMail smtp() {
        return smtp;
    }

    Infrastructure infrastructure() {
        return infrastructure;
    }

    @Override
    public void close() throws InterruptedException {
        for (ServiceProcess service : services.values()) {
            service.stop();
        }
        smtp.stop();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
