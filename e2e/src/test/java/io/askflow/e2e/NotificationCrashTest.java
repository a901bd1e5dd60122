package io.askflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.askflow.events.NotificationKind;
import io.askflow.events.NotificationRequested;
import io.askflow.events.QuestionSubmitted;
import io.askflow.events.Specialty;
import io.askflow.events.Topics;
import io.askflow.testsupport.Fixtures;
import io.askflow.testsupport.Infrastructure;
import io.askflow.testsupport.KafkaProbe;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

/**
 * Issue 6: notification-service, running as its own process, is killed with SIGKILL in the middle of a batch of 200
 * ANSWERED mails and started again. No mail may be lost. A mail may arrive twice only inside the window its README
 * documents: the SMTP server accepted it and the process died before recording that. Each sender thread records
 * every mail right after sending it, so one crash doubles at most one mail per sender thread, and the repeat carries
 * the same Message-ID.
 */
class NotificationCrashTest {

    private static final int BATCH = 200;
    private static final int SENDERS = 2;
    /** Slow enough that the kill lands mid-batch, fast enough that the batch is over in seconds. */
    private static final int MAILS_PER_SECOND = 40;
    private static final int KILL_AFTER_RECEIVED = 50;

    private final Infrastructure infrastructure = Infrastructure.shared();
    private final ObjectMapper json = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Test
    void aBatchKilledMidwayLosesNoMailAndDoublesOnlyInsideTheWindow() throws Exception {
        var smtp = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        int port = freePort();
        var service = new ServiceProcess(AskflowStack.NOTIFICATION, port, arguments(smtp.getSmtp().getPort()));
        var kafka = new KafkaProbe(infrastructure.kafkaBootstrapServers(), json);
        try {
            service.start();
            service.awaitHealthy(Duration.ofMinutes(4));

            List<QuestionSubmitted> questions = new ArrayList<>();
            Map<String, UUID> notificationOf = new HashMap<>();
            for (int i = 0; i < BATCH; i++) {
                QuestionSubmitted question = Fixtures.questionSubmitted(Specialty.NEUROLOGY);
                questions.add(question);
                kafka.send(question);
            }
            for (QuestionSubmitted question : questions) {
                NotificationRequested request = Fixtures.notificationRequested(question.questionId(),
                        NotificationKind.ANSWERED);
                notificationOf.put(question.contactEmail(), request.notificationId());
                kafka.send(request);
            }

            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(20))
                    .until(() -> smtp.getReceivedMessages().length >= KILL_AFTER_RECEIVED);
            kill(port);
            int receivedAtKill = smtp.getReceivedMessages().length;
            assertThat(receivedAtKill).as("killed mid-batch").isLessThan(BATCH);

            service.start();
            service.awaitHealthy(Duration.ofMinutes(4));
            Set<UUID> notificationIds = new HashSet<>(notificationOf.values());
            await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
                assertThat(sentInTheLog(questions)).as("deliveries recorded SENT").isEqualTo(BATCH);
                assertThat(notificationSent(notificationIds)).as("notification ids with a notification.sent")
                        .containsExactlyInAnyOrderElementsOf(notificationIds);
            });

            Map<String, List<String>> messageIdsByAddress = messageIdsByAddress(smtp.getReceivedMessages());
            assertThat(messageIdsByAddress.keySet()).as("every patient got the mail")
                    .containsExactlyInAnyOrderElementsOf(notificationOf.keySet());
            Map<String, List<String>> doubled = messageIdsByAddress.entrySet().stream()
                    .filter(entry -> entry.getValue().size() > 1)
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
            System.out.printf("NotificationCrashTest: %d mails, SIGKILL after %d had arrived, %d arrived in all, "
                            + "%d doubled (the window allows at most %d)%n", BATCH, receivedAtKill,
                    smtp.getReceivedMessages().length, doubled.size(), SENDERS);
            assertThat(doubled.size()).as("doubled mails: one per sender thread at most").isLessThanOrEqualTo(SENDERS);
            doubled.forEach((address, messageIds) -> assertThat(messageIds).as("a repeat is the same message")
                    .hasSize(2).containsOnly("<" + notificationOf.get(address) + "@askflow.local>"));
        } finally {
            service.stop();
            kafka.destroy();
            smtp.stop();
        }
    }

    private List<String> arguments(int smtpPort) {
        return List.of(
                "--spring.profiles.active=demo",
                "--askflow.db.host=" + infrastructure.databaseHost(),
                "--askflow.db.port=" + infrastructure.databasePort(),
                "--askflow.db.name=" + infrastructure.databaseName(),
                "--askflow.db.user=" + infrastructure.databaseUser(),
                "--askflow.db.password=" + infrastructure.databasePassword(),
                "--spring.kafka.bootstrap-servers=" + infrastructure.kafkaBootstrapServers(),
                "--askflow.kafka.partitions=2",
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + smtpPort,
                "--askflow.mail.senders=" + SENDERS,
                "--askflow.mail.max-per-second=" + MAILS_PER_SECOND,
                // the claims of the killed process lapse after this; far longer than a batch takes to send
                "--askflow.mail.lease=15s",
                "--askflow.mail.poll-interval=200ms");
    }

    /** SIGKILL (what destroyForcibly is on Linux) to the service's java process, found by its port. */
    private static void kill(int port) throws Exception {
        ProcessHandle java = ProcessHandle.current().children()
                .filter(child -> child.info().commandLine().orElse("").contains("--server.port=" + port))
                .findFirst().orElseThrow(() -> new IllegalStateException("no service process on port " + port));
        assertThat(java.destroyForcibly()).isTrue();
        java.onExit().get(30, TimeUnit.SECONDS);
    }

    /** How many of these questions' mails the service recorded as SENT. */
    private int sentInTheLog(List<QuestionSubmitted> questions) throws SQLException {
        try (Connection db = DriverManager.getConnection(infrastructure.jdbcUrl("notification"),
                infrastructure.databaseUser(), infrastructure.databasePassword());
             PreparedStatement query = db.prepareStatement(
                     "select count(*) from delivery where status = 'SENT' and question_id = any (?)")) {
            Array ids = db.createArrayOf("uuid", questions.stream().map(QuestionSubmitted::questionId).toArray());
            query.setArray(1, ids);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    /** The notification ids among these that have a notification.sent on the topic, read from its start. */
    private Set<UUID> notificationSent(Set<UUID> wanted) {
        Set<UUID> found = new HashSet<>();
        try (var consumer = new KafkaConsumer<String, byte[]>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "crash-test-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class))) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.NOTIFICATION_SENT).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    UUID id = UUID.fromString(json.readTree(record.value()).path("notificationId").asText());
                    if (wanted.contains(id)) {
                        found.add(id);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    private static Map<String, List<String>> messageIdsByAddress(MimeMessage[] messages) throws MessagingException {
        Map<String, List<String>> byAddress = new HashMap<>();
        for (MimeMessage message : messages) {
            String address = ((InternetAddress) message.getAllRecipients()[0]).getAddress();
            byAddress.computeIfAbsent(address, a -> new ArrayList<>()).add(message.getMessageID());
        }
        return byAddress;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
