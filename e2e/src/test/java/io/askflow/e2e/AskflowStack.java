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

/**
 * The whole system for end-to-end tests: the test JVM's PostgreSQL database and in-process Kafka broker,
 * GreenMail as the SMTP server, and the five packaged services as separate processes on free ports.
 */
final class AskflowStack implements AutoCloseable {

    static final String QUESTION = "question-service";
    static final String REPLY = "reply-service";
    static final String WORKFLOW = "workflow";
    static final String ENRICHMENT = "enrichment-service";
    static final String NOTIFICATION = "notification-service";

    private final Infrastructure infrastructure = Infrastructure.shared();
    private final GreenMail smtp;
    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();

    AskflowStack() {
        int smtpPort = freePort();
        smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        Path indexDir;
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
        add(ENRICHMENT, freePort(), List.of("--askflow.index.dir=" + indexDir));
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
                "--askflow.kafka.partitions=2"));
        arguments.addAll(extra);
        services.put(module, new ServiceProcess(module, port, arguments));
    }

    /** Starts every service at once (they start faster together than one by one) and waits until all are UP. */
    void start() throws IOException, InterruptedException {
        for (ServiceProcess service : services.values()) {
            service.start();
        }
        for (ServiceProcess service : services.values()) {
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

    String url(String module) {
        return services.get(module).baseUrl();
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
