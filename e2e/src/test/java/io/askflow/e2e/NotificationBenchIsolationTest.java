package io.askflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.askflow.testsupport.Infrastructure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12: {@code ./askflow bench --notifications N} runs a notification-service of its own. Here the test's
 * broker, database and an SMTP server stand in for a running dev stack, and the bench's environment points at
 * them as a developer's would (ASKFLOW_KAFKA_BOOTSTRAP, SPRING_KAFKA_BOOTSTRAP_SERVERS, the stack's ports). A tiny
 * bench, run from devstack's jar as ./askflow runs it, must deliver every mail once and leave the stand-in
 * untouched: no topic, consumer group, mail or schema, and afterwards no process, folder or schema of its own.
 */
class NotificationBenchIsolationTest {

    private static final int MAILS = 20;

    @TempDir
    Path benchTemp;

    @TempDir
    Path devStackHome;

    private final Infrastructure devStack = Infrastructure.shared();

    @Test
    void aTinyBenchRunsOnItsOwnInstanceAndLeavesNothingBehind() throws Exception {
        List<String> schemasBefore = schemas();
        var devStackSmtp = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        devStackSmtp.start();
        String stderr;
        try (Admin devStackKafka = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                devStack.kafkaBootstrapServers()))) {
            Set<String> topicsBefore = devStackKafka.listTopics().names().get(30, TimeUnit.SECONDS);
            List<String> groupsBefore = groups(devStackKafka);

            Path log = Path.of("target", "e2e-logs", "notification-bench.log");
            Path report = Path.of("target", "e2e-logs", "notification-bench.json");
            Files.createDirectories(log.getParent());
            Process bench = bench(devStackSmtp.getSmtp().getPort(), log, report);
            boolean ended = bench.waitFor(5, TimeUnit.MINUTES);
            if (!ended) {
                bench.destroy();
                bench.waitFor(1, TimeUnit.MINUTES);
            }
            stderr = Files.readString(log);
            assertThat(ended).as("the bench ended within 5 minutes; its output:%n%s", stderr).isTrue();
            assertThat(bench.exitValue()).as("exit status; output:%n%s", stderr).isZero();

            JsonNode result = new ObjectMapper().readTree(report.toFile());
            assertThat(result.path("notifications").asInt()).isEqualTo(MAILS);
            assertThat(result.path("accepted").asInt()).isEqualTo(MAILS);
            assertThat(result.path("distinctMails").asInt()).isEqualTo(MAILS);
            assertThat(result.path("doubled").asInt()).isZero();
            assertThat(result.path("missing").asInt()).isZero();
            assertThat(stderr).containsPattern("schema notification_bench_[0-9a-f]{8} dropped");

            assertThat(devStackKafka.listTopics().names().get(30, TimeUnit.SECONDS)).isEqualTo(topicsBefore);
            assertThat(groups(devStackKafka)).isEqualTo(groupsBefore);
        } finally {
            devStackSmtp.stop();
        }
        assertThat(devStackSmtp.getReceivedMessages()).isEmpty();
        assertThat(schemas()).isEqualTo(schemasBefore);
        assertThat(list(devStackHome)).isEmpty();
        assertThat(list(benchTemp)).as("the bench's temporary folder is deleted").isEmpty();
        List<Long> stopped = Pattern.compile("Stopping \\S+ \\(pid (\\d+)\\)").matcher(stderr).results()
                .map(match -> Long.parseLong(match.group(1))).toList();
        assertThat(stopped).as("broker, catcher and service stopped").hasSize(3);
        assertThat(stopped).noneMatch(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
        assertThat(processesNaming(benchTemp.toString())).as("processes of the bench still running").isEmpty();
    }

    private Process bench(int devStackSmtpPort, Path log, Path report) throws IOException {
        Path project = Path.of(System.getProperty("askflow.project.dir", "..")).toAbsolutePath().normalize();
        String version = System.getProperty("askflow.project.version", "0.1.0-SNAPSHOT");
        Path jar = project.resolve("devstack/target/devstack-" + version + ".jar");
        assertThat(jar).as("devstack's jar (package the modules first; ./mvnw verify does)").exists();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var builder = new ProcessBuilder(java, "-Xmx512m", "-Daskflow.root=" + project,
                "-Djava.io.tmpdir=" + benchTemp, "-jar", jar.toString(),
                "bench", "--notifications", String.valueOf(MAILS), "--warmup", "0", "--json")
                .redirectError(log.toFile()).redirectOutput(report.toFile());
        String kafka = devStack.kafkaBootstrapServers();
        builder.environment().putAll(Map.of(
                "ASKFLOW_DB_HOST", devStack.databaseHost(),
                "ASKFLOW_DB_PORT", String.valueOf(devStack.databasePort()),
                "ASKFLOW_DB_NAME", devStack.databaseName(),
                "ASKFLOW_DB_USER", devStack.databaseUser(),
                "ASKFLOW_DB_PASSWORD", devStack.databasePassword(),
                "ASKFLOW_KAFKA_BOOTSTRAP", kafka,
                "SPRING_KAFKA_BOOTSTRAP_SERVERS", kafka,
                "ASKFLOW_KAFKA_PORT", kafka.substring(kafka.lastIndexOf(':') + 1),
                "ASKFLOW_SMTP_PORT", String.valueOf(devStackSmtpPort),
                "ASKFLOW_HOME", devStackHome.toString()));
        builder.environment().put("ASKFLOW_START_TIMEOUT", "240");
        return builder.start();
    }

    private List<String> schemas() throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection db = DriverManager.getConnection(devStack.jdbcUrl("public"), devStack.databaseUser(),
                devStack.databasePassword());
             ResultSet rows = db.createStatement()
                     .executeQuery("SELECT schema_name FROM information_schema.schemata ORDER BY 1")) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }

    private static List<String> groups(Admin kafka) throws Exception {
        return kafka.listConsumerGroups().all().get(30, TimeUnit.SECONDS).stream()
                .map(ConsumerGroupListing::groupId).sorted().toList();
    }

    private static List<Path> list(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.toList();
        }
    }

    private static List<String> processesNaming(String text) {
        return ProcessHandle.allProcesses()
                .filter(process -> process.info().commandLine().map(line -> line.contains(text)).orElse(false))
                .map(process -> process.pid() + " " + process.info().commandLine().orElse(""))
                .toList();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
