package io.askflow.devstack.stack;

import io.askflow.devstack.database.CreateDatabase;
import io.askflow.devstack.stack.Component.KafkaBroker;
import io.askflow.devstack.stack.Component.MailCatcher;
import io.askflow.devstack.stack.Component.Service;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A notification-service of the mail bench's own, apart from the dev stack: its own KRaft broker, SMTP catcher and
 * service process on free ports, its state (broker data, logs, the jar's running copy) in a temporary folder, and
 * its own PostgreSQL schema. {@link #close} (also run by a shutdown hook on Ctrl-C) stops the processes, drops the
 * schema and deletes the folder, so nothing of a bench is left and nothing ever reached the dev stack's broker,
 * catcher or schemas.
 */
public final class NotificationSandbox implements AutoCloseable {

    static final String MODULE = "notification-service";
    static final String SCHEMA_PREFIX = "notification_bench_";

    private final StackSettings settings;
    private final Stack stack;
    private final String schema;
    private final Supervisor supervisor;
    private final PrintStream out;
    private final Thread cleanupOnExit = new Thread(this::cleanUp, "notification-sandbox-cleanup");
    private boolean closing;
    private boolean serviceLaunched;
    private boolean cleaned;

    NotificationSandbox(StackSettings settings, Stack stack, String schema, PrintStream out) {
        this.settings = settings;
        this.stack = stack;
        this.schema = schema;
        this.out = out;
        ChildProcesses children = new ChildProcesses(settings);
        PidFiles pids = new PidFiles(settings);
        Launcher launcher = new Launcher(settings, children, new KafkaStorage(settings, children, out, out), pids);
        this.supervisor = new Supervisor(settings, pids, launcher, new Health(), out, out);
    }

    /**
     * Plans a sandbox in a new temporary folder: the repository's jars, the database of {@code env}'s ASKFLOW_DB_*
     * (schema {@code notification_bench_<runId>}), and free ports for everything else, whatever {@code env} says
     * about the dev stack's ports. Progress goes to {@code out}. Nothing runs until {@link #start}.
     */
    public static NotificationSandbox create(Path root, String version, Map<String, String> env, String runId,
                                             PrintStream out) {
        try {
            return plan(root, version, env, Files.createTempDirectory("askflow-notification-bench-"), runId, out);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create the bench's temporary folder", e);
        }
    }

    static NotificationSandbox plan(Path root, String version, Map<String, String> env, Path home, String runId,
                                    PrintStream out) {
        if (!runId.matches("[a-z0-9_]+")) {
            throw new IllegalArgumentException("a run id names a schema: lower-case letters, digits, _");
        }
        Map<String, String> own = new HashMap<>(env);
        // the bench's own processes answer only on this machine, whatever ASKFLOW_BIND_ADDRESS opens for the stack
        own.putAll(Map.of("ASKFLOW_HOME", home.toString(), "ASKFLOW_BIND_ADDRESS", "127.0.0.1",
                "ASKFLOW_KAFKA_PORT", String.valueOf(freePort()),
                "ASKFLOW_KAFKA_CONTROLLER_PORT", String.valueOf(freePort()),
                "ASKFLOW_SMTP_PORT", String.valueOf(freePort()),
                "ASKFLOW_MAIL_API_PORT", String.valueOf(freePort())));
        StackSettings settings = StackSettings.from(root, version, own);
        String schema = SCHEMA_PREFIX + runId;
        String kafka = "127.0.0.1:" + settings.kafkaPort();
        // on the command line, so that nothing in the inherited environment (SPRING_KAFKA_*, SPRING_MAIL_*, ...)
        // can point the service at the dev stack
        Service service = new Service(MODULE, MODULE, 1, freePort(), "/actuator/health", List.of(
                "--askflow.db.schema=" + schema,
                "--spring.kafka.bootstrap-servers=" + kafka,
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + settings.smtpPort(),
                "--askflow.mail.max-per-second=0"));
        Stack stack = new Stack(new KafkaBroker(settings.kafkaPort(), settings.kafkaControllerPort()),
                new MailCatcher(settings.smtpPort(), settings.mailApiPort()), List.of(service));
        return new NotificationSandbox(settings, stack, schema, out);
    }

    /** Starts broker, catcher and service and waits until each is healthy; {@link #close} undoes it all. */
    public void start() {
        Path jar = settings.builtJar(MODULE);
        if (!Files.isRegularFile(jar)) {
            throw new StackException(settings.shown(jar) + " is missing; build it with"
                    + " ./mvnw -pl notification-service -am package -DskipTests (or ./askflow up, which builds).");
        }
        new Postgres(settings.database(), new ChildProcesses(settings)).requireReachable();
        if (CreateDatabase.create(settings.database(), new PrintStream(OutputStream.nullOutputStream()), out) != 0) {
            throw new StackException("could not prepare database " + settings.database().name() + " (see above).");
        }
        Runtime.getRuntime().addShutdownHook(cleanupOnExit);
        out.printf("Starting the bench's own notification-service (schema %s, Kafka %s, SMTP %d) in %s%n", schema,
                kafkaBootstrap(), stack.smtp().port(), settings.state());
        for (Component component : stack.components()) {
            begin(component);
            try {
                supervisor.awaitHealthy(component);
            } catch (StackException e) {
                throw new StackException("the bench's " + component.name() + " did not start (the end of its log"
                        + " is above); closing the bench stops what it started.");
            }
        }
    }

    // a Ctrl-C during the start must not leave a component launched after the clean-up stopped the others
    private synchronized void begin(Component component) {
        if (closing) {
            throw new StackException("stopped");
        }
        serviceLaunched |= component instanceof Service;
        supervisor.begin(component);
    }

    public String kafkaBootstrap() {
        return "127.0.0.1:" + stack.kafka().port();
    }

    public URI mailApi() {
        return URI.create("http://127.0.0.1:" + stack.smtp().apiPort() + "/");
    }

    public String schema() {
        return schema;
    }

    StackSettings settings() {
        return settings;
    }

    Service service() {
        return stack.services().get(0);
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(cleanupOnExit);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs (or ran) the clean-up itself
        }
        cleanUp();
    }

    /** Service first, then the catcher and the broker; then the schema and the folder. Runs once. */
    private synchronized void cleanUp() {
        closing = true;
        if (cleaned) {
            return;
        }
        cleaned = true;
        List<Component> lastStartedFirst = new ArrayList<>(stack.components());
        Collections.reverse(lastStartedFirst);
        lastStartedFirst.forEach(component -> supervisor.stop(List.of(component)));
        if (serviceLaunched) {
            dropSchema();
        }
        deleteRecursively(settings.state());
        out.printf("The bench's notification-service is gone: processes stopped, schema %s dropped, %s deleted.%n",
                schema, settings.state());
    }

    private void dropSchema() {
        StackSettings.Database database = settings.database();
        String url = "jdbc:postgresql://" + database.host() + ":" + database.port() + "/" + database.name();
        try (Connection db = DriverManager.getConnection(url, database.user(), database.password());
             Statement drop = db.createStatement()) {
            drop.execute("DROP SCHEMA IF EXISTS \"" + schema + "\" CASCADE");
        } catch (SQLException e) {
            out.printf("Could not drop schema %s in %s (%s); drop it by hand.%n", schema, database.name(),
                    e.getMessage());
        }
    }

    private void deleteRecursively(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            out.printf("Could not delete %s completely (%s).%n", folder, e.getMessage());
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
