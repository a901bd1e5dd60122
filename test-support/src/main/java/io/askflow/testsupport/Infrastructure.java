package io.askflow.testsupport;

import java.io.File;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.kafka.KafkaContainer;

/**
 * The database and broker of one test JVM, started once and shared by every test class in it (tests use fresh
 * UUIDs and assert on their own rows, so they can share). Nothing is stopped explicitly: the in-process broker
 * dies with the JVM, Testcontainers' reaper removes containers.
 */
public record Infrastructure(String databaseHost, int databasePort, String databaseName, String databaseUser,
                             String databasePassword, String kafkaBootstrapServers) {

    private static final class Holder {
        private static final Infrastructure SHARED = start();
    }

    /** This JVM's infrastructure, started on first use. */
    public static Infrastructure shared() {
        return Holder.SHARED;
    }

    /** A JDBC URL for a schema of this database, for tests that read their own rows directly. */
    public String jdbcUrl(String schema) {
        return "jdbc:postgresql://" + databaseHost + ":" + databasePort + "/" + databaseName + "?currentSchema="
                + schema;
    }

    private static Infrastructure start() {
        String mode = setting("ASKFLOW_TEST_INFRA", "auto").toLowerCase(Locale.ROOT);
        boolean containers = mode.equals("containers") || (mode.equals("auto") && dockerAvailable());
        return containers ? startContainers() : startLocal();
    }

    private static Infrastructure startLocal() {
        String host = setting("ASKFLOW_DB_HOST", "127.0.0.1");
        int port = Integer.parseInt(setting("ASKFLOW_DB_PORT", "5432"));
        String user = setting("ASKFLOW_DB_USER", "postgres");
        String password = setting("ASKFLOW_DB_PASSWORD", "");
        // ASKFLOW_TEST_DB_SUFFIX keeps two checkouts testing at once on one server out of each other's databases
        String database = (setting("askflow.test.database", "askflow_test") + setting("ASKFLOW_TEST_DB_SUFFIX", ""))
                .replaceAll("[^A-Za-z0-9_]", "_");
        recreateDatabase(host, port, user, password, database);

        var broker = new EmbeddedKafkaKraftBroker(1, 2).brokerProperties(Map.of(
                "auto.create.topics.enable", "false",
                "group.initial.rebalance.delay.ms", "0",
                "transaction.state.log.replication.factor", "1",
                "transaction.state.log.min.isr", "1"));
        broker.afterPropertiesSet();
        return new Infrastructure(host, port, database, user, password, broker.getBrokersAsString());
    }

    @SuppressWarnings("resource") // Testcontainers' reaper stops them when the JVM ends
    private static Infrastructure startContainers() {
        var postgres = new PostgreSQLContainer<>("postgres:15-alpine").withDatabaseName("askflow_test");
        postgres.start();
        var kafka = new KafkaContainer("apache/kafka-native:3.9.1");
        kafka.start();
        return new Infrastructure(postgres.getHost(), postgres.getMappedPort(5432), postgres.getDatabaseName(),
                postgres.getUsername(), postgres.getPassword(), kafka.getBootstrapServers());
    }

    private static void recreateDatabase(String host, int port, String user, String password, String database) {
        String url = "jdbc:postgresql://" + host + ":" + port + "/postgres";
        try (Connection connection = DriverManager.getConnection(url, user, password);
             Statement statement = connection.createStatement()) {
            statement.execute("drop database if exists " + database + " with (force)");
            statement.execute("create database " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + host + ":" + port + " is not reachable for the tests ("
                    + e.getMessage() + "). Start it, e.g. pg_ctlcluster --skip-systemctl-redirect 15 main start", e);
        }
    }

    private static boolean dockerAvailable() {
        if (!new File("/var/run/docker.sock").exists() && System.getenv("DOCKER_HOST") == null) {
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static String setting(String name, String fallback) {
        String value = System.getProperty(name);
        if (value == null) {
            value = System.getenv(name);
        }
        return value == null || value.isBlank() ? fallback : value;
    }
}
