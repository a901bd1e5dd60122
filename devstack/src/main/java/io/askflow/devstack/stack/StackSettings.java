package io.askflow.devstack.stack;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Where the dev stack keeps its files and which ports and database it uses: the ASKFLOW_* environment variables
 * of {@code ./askflow help}, with their defaults.
 *
 * @param root     the repository (./askflow's folder): the jars are built under it
 * @param state    ASKFLOW_HOME: logs, pids, Kafka's data, the services' running jars; kept across restarts
 * @param version  the Maven version in the jars' names
 * @param bindAddress ASKFLOW_BIND_ADDRESS: where the services' HTTP ports and the mail catcher's web page listen;
 *                 127.0.0.1 (this machine only) unless set to a wildcard such as 0.0.0.0 (every interface)
 */
public record StackSettings(Path root, Path state, String version, Path devstackLib, Database database,
                            int kafkaPort, int kafkaControllerPort, int smtpPort, int mailApiPort, Path datasets,
                            Duration startTimeout, Duration stopTimeout, String serviceHeap, String bindAddress) {

    /** PostgreSQL as the services and {@code create-database} read it (ASKFLOW_DB_*). */
    public record Database(String host, int port, String name, String user, String password) {
    }

    public static StackSettings from(Path root, String version, Map<String, String> env) {
        Path absoluteRoot = root.toAbsolutePath().normalize();
        Database database = new Database(value(env, "ASKFLOW_DB_HOST", "127.0.0.1"),
                number(env, "ASKFLOW_DB_PORT", 5432), value(env, "ASKFLOW_DB_NAME", "askflow"),
                value(env, "ASKFLOW_DB_USER", "postgres"), value(env, "ASKFLOW_DB_PASSWORD", ""));
        return new StackSettings(absoluteRoot,
                path(env, "ASKFLOW_HOME", absoluteRoot.resolve(".askflow")),
                version,
                absoluteRoot.resolve("devstack/target/lib"),
                database,
                number(env, "ASKFLOW_KAFKA_PORT", 9092),
                number(env, "ASKFLOW_KAFKA_CONTROLLER_PORT", 9093),
                number(env, "ASKFLOW_SMTP_PORT", 2525),
                number(env, "ASKFLOW_MAIL_API_PORT", 8025),
                path(env, "ASKFLOW_DATASETS", absoluteRoot.resolve("../shared/datasets")),
                Duration.ofSeconds(number(env, "ASKFLOW_START_TIMEOUT", 300)),
                Duration.ofSeconds(number(env, "ASKFLOW_STOP_TIMEOUT", 30)),
                value(env, "ASKFLOW_SERVICE_HEAP", "512m"),
                bindAddress(value(env, "ASKFLOW_BIND_ADDRESS", "127.0.0.1")));
    }

    public Path logs() {
        return state.resolve("logs");
    }

    public Path run() {
        return state.resolve("run");
    }

    public Path kafkaDir() {
        return state.resolve("kafka");
    }

    public Path jars() {
        return state.resolve("jars");
    }

    public Path log(String component) {
        return logs().resolve(component + ".log");
    }

    /** Present while the stack runs with --no-rate-limit: services started later (start NAME) keep it. */
    public Path noRateLimitMarker() {
        return run().resolve("no-rate-limit");
    }

    /** The number of instances of each service the last {@code up --instances N} started: what status lists. */
    public Path instancesFile() {
        return run().resolve("instances");
    }

    /** The jar Maven builds for a module, e.g. workflow/target/workflow-0.1.0-SNAPSHOT.jar. */
    public Path builtJar(String module) {
        return root.resolve(module).resolve("target").resolve(module + "-" + version + ".jar");
    }

    /** The path as ./askflow prints it: relative to the repository when inside it. */
    public String shown(Path path) {
        return path.startsWith(root) ? root.relativize(path).toString() : path.toString();
    }

    /** What every service (and create-database) reads to find PostgreSQL, Kafka and the SMTP catcher. */
    public Map<String, String> serviceEnvironment() {
        return Map.of("ASKFLOW_DB_HOST", database.host(), "ASKFLOW_DB_PORT", String.valueOf(database.port()),
                "ASKFLOW_DB_NAME", database.name(), "ASKFLOW_DB_USER", database.user(),
                "ASKFLOW_DB_PASSWORD", database.password(),
                "ASKFLOW_KAFKA_BOOTSTRAP", "127.0.0.1:" + kafkaPort,
                "SPRING_MAIL_HOST", "127.0.0.1", "SPRING_MAIL_PORT", String.valueOf(smtpPort));
    }

    // as in the shell's ${NAME:-default}: an empty variable counts as unset
    private static String value(Map<String, String> env, String name, String fallback) {
        String value = env.get(name);
        return value == null || value.isEmpty() ? fallback : value;
    }

    /**
     * The demo profile's accounts and the mail catcher (every patient's address, no login) must not be reachable
     * from other machines by default, so the stack listens on 127.0.0.1. Besides that only a wildcard is accepted:
     * the supervisor, status and the bench reach the services on 127.0.0.1, which a specific interface's address
     * would not answer.
     */
    private static String bindAddress(String value) {
        try {
            InetAddress address = InetAddress.getByName(value);
            if (address.isAnyLocalAddress() || address.getHostAddress().equals("127.0.0.1")) {
                return address.getHostAddress();
            }
        } catch (UnknownHostException e) {
            // refused below, like any other address
        }
        throw new StackException("ASKFLOW_BIND_ADDRESS must be 127.0.0.1 (this machine only, the default) or 0.0.0.0 "
                + "(every network interface), not '" + value + "'.");
    }

    private static int number(Map<String, String> env, String name, int fallback) {
        String value = value(env, name, String.valueOf(fallback));
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new StackException(name + " must be a whole number, not '" + value + "'");
        }
    }

    private static Path path(Map<String, String> env, String name, Path fallback) {
        String value = value(env, name, "");
        return (value.isEmpty() ? fallback : Path.of(value)).toAbsolutePath().normalize();
    }
}
