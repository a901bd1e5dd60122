package io.askflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.askflow.events.Topics;
import io.askflow.testsupport.Infrastructure;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.MemberDescription;
import org.junit.jupiter.api.Test;

/**
 * Issue 12: two instances of workflow and of notification-service, as {@code ./askflow up --instances 2} runs them:
 * one database and schema, one consumer group per service, 6 partitions per topic (the dev broker's and the
 * services' default). Each instance names itself (its Kafka client id, and for workflow the host name Camunda writes
 * into its job log), so the test can see which one did what. Every question must be NOTIFIED once with one ANSWERED
 * mail, both while both instances run and when the second of each is killed with SIGKILL in the middle of a batch.
 */
class ScaleOutTest {

    private static final Duration CHAIN = Duration.ofMinutes(3);
    private static final int BOTH_RUNNING = 10;
    private static final int AROUND_THE_KILL = 6;
    /** Sender threads per notification instance: a kill may double at most one mail per sender (its README). */
    private static final int SENDERS = 2;

    private final Http patient = Http.anonymous();
    private final Http doctor = Http.basic("dr.ye", "askflow");
    private final Infrastructure infrastructure = Infrastructure.shared();
    private AskflowStack stack;

    @Test
    void twoInstancesShareTheWorkAndKillingOneOfEachMidBatchLosesAndDoublesNothing() throws Exception {
        stack = new AskflowStack(Set.of(AskflowStack.WORKFLOW, AskflowStack.NOTIFICATION), ScaleOutTest::naming, 6);
        try (AskflowStack running = stack) {
            running.start();
            awaitPartitionsOnBothInstances("workflow", Topics.QUESTION_SUBMITTED);
            awaitPartitionsOnBothInstances("notification-service", Topics.NOTIFICATION_REQUESTED);

            List<Asked> first = new ArrayList<>();
            for (int i = 0; i < BOTH_RUNNING; i++) {
                first.add(ask(i));
            }
            for (Asked question : first) {
                answer(question);
            }
            first.forEach(this::awaitNotified);
            assertNotifiedOnceWithOneAnsweredMail(first, 0);
            assertThat(jobHosts(first)).as("Camunda jobs of these questions, by the instance that ran them")
                    .containsOnlyKeys("workflow-1", "workflow-2");
            assertThat(questionsNamedInTheLog("notification-service", first)).as("by notification-service")
                    .isPositive();
            assertThat(questionsNamedInTheLog("notification-service-2", first)).as("by notification-service-2")
                    .isPositive();

            List<Asked> second = new ArrayList<>();
            for (int i = 0; i < AROUND_THE_KILL; i++) {
                second.add(ask(BOTH_RUNNING + i));
            }
            for (int i = 0; i < AROUND_THE_KILL / 2; i++) {
                answer(second.get(i));
            }
            running.kill("workflow-2");
            running.kill("notification-service-2");
            for (int i = AROUND_THE_KILL / 2; i < AROUND_THE_KILL; i++) {
                answer(second.get(i));
            }
            second.forEach(this::awaitNotified);
            assertNotifiedOnceWithOneAnsweredMail(second, SENDERS);
        }
    }

    /**
     * Each instance's own names: Kafka client id and Camunda host name (with full history, which keeps the job log);
     * a short mail lease, as NotificationCrashTest.
     * Small connection pools: seven services fit beside a running dev stack in PostgreSQL's default 100 connections.
     */
    private static List<String> naming(String module, int instance) {
        List<String> arguments = new ArrayList<>(List.of("--spring.datasource.hikari.maximum-pool-size=6"));
        arguments.addAll(switch (module) {
            // the job log, which names the host that ran each job, is kept at history level full only
            case AskflowStack.WORKFLOW -> List.of("--spring.kafka.consumer.client-id=workflow-" + instance,
                    "--camunda.bpm.generic-properties.properties.hostname=workflow-" + instance,
                    "--camunda.bpm.history-level=full");
            case AskflowStack.NOTIFICATION -> List.of(
                    "--spring.kafka.consumer.client-id=notification-service-" + instance,
                    "--askflow.mail.senders=" + SENDERS,
                    // the claims of a killed instance lapse after this; far longer than a batch takes to send
                    "--askflow.mail.lease=15s");
            default -> List.of();
        });
        return arguments;
    }

    /** Both instances are members of the service's consumer group, each with partitions of the topic. */
    private void awaitPartitionsOnBothInstances(String group, String topic) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                infrastructure.kafkaBootstrapServers()))) {
            await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> {
                Map<String, Integer> partitions = new HashMap<>();
                for (MemberDescription member : admin.describeConsumerGroups(List.of(group)).all().get()
                        .get(group).members()) {
                    String instance = member.clientId().replaceFirst("-[0-9]+$", "");
                    long ofTopic = member.assignment().topicPartitions().stream()
                            .filter(p -> p.topic().equals(topic)).count();
                    partitions.merge(instance, (int) ofTopic, Integer::sum);
                }
                assertThat(partitions).as(group + " members' partitions of " + topic)
                        .containsOnlyKeys(group + "-1", group + "-2");
                assertThat(partitions.values()).allSatisfy(count -> assertThat(count).isPositive());
                assertThat(partitions.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(6);
            });
        }
    }

    private record Asked(UUID id, String token, String email) {
    }

    private Asked ask(int i) {
        String email = "scale." + i + "." + UUID.randomUUID() + "@example.org";
        var response = patient.post(stack.url(AskflowStack.QUESTION) + "/api/questions", Map.of(
                "nickname", "Lan", "email", email, "ageRange", "40~49", "gender", "male",
                "specialty", "Neurology", "title", "Headaches every morning, question " + i,
                "body", "For three weeks I wake up with a dull headache that fades by noon. I sleep eight hours. "
                        + "What could cause it and should I worry?", "consentToPublish", false));
        assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
        return new Asked(UUID.fromString(response.body().get("id").asText()),
                response.body().get("trackingToken").asText(), email);
    }

    private void answer(Asked question) {
        String reply = stack.url(AskflowStack.REPLY) + "/api/questions/" + question.id();
        await().atMost(CHAIN).untilAsserted(() -> assertThat(StreamSupport.stream(
                doctor.get(stack.url(AskflowStack.REPLY) + "/api/queue").body().spliterator(), false)
                .map(item -> item.path("id").asText())).contains(question.id().toString()));
        assertThat(doctor.post(reply + "/claim", Map.of()).status()).isEqualTo(200);
        assertThat(doctor.post(reply + "/reply", Map.of("body", "Dear asker, morning headaches are often from "
                + "sleep apnoea or teeth grinding; please see your doctor.")).status()).isEqualTo(202);
    }

    private void awaitNotified(Asked question) {
        await().atMost(CHAIN).until(() -> notifiedSteps(question) > 0);
    }

    private long notifiedSteps(Asked question) {
        JsonNode tracked = patient.get(stack.url(AskflowStack.QUESTION) + "/api/track/" + question.token()).body();
        return StreamSupport.stream(tracked.path("timeline").spliterator(), false)
                .filter(entry -> entry.path("step").asText().equals("NOTIFIED")).count();
    }

    /**
     * One NOTIFIED step and one ANSWERED mail per question; a repeat of the very same mail (same Message-ID) only
     * inside the window notification-service's README documents for a killed sender, at most {@code repeats} in all.
     */
    private void assertNotifiedOnceWithOneAnsweredMail(List<Asked> questions, int repeats) throws Exception {
        int repeated = 0;
        for (Asked question : questions) {
            assertThat(notifiedSteps(question)).as("NOTIFIED steps of " + question.id()).isEqualTo(1);
            List<String> answered = new ArrayList<>();
            for (MimeMessage mail : stack.smtp().getReceivedMessages()) {
                if (Arrays.stream(mail.getRecipients(Message.RecipientType.TO))
                        .anyMatch(to -> to.toString().contains(question.email()))
                        && mail.getSubject().contains(") answered \"")) {
                    answered.add(mail.getMessageID());
                }
            }
            assertThat(answered.stream().distinct()).as("ANSWERED mails to " + question.email()).hasSize(1);
            repeated += answered.size() - 1;
        }
        System.out.printf("ScaleOutTest: %d questions, %d repeated ANSWERED mails (allowed %d)%n", questions.size(),
                repeated, repeats);
        assertThat(repeated).as("repeated mails").isLessThanOrEqualTo(repeats);
    }

    /** Host name (workflow-1 or -2) to the Camunda jobs of these questions that ran there. */
    private Map<String, Integer> jobHosts(List<Asked> questions) throws SQLException {
        Map<String, Integer> byHost = new HashMap<>();
        try (Connection db = DriverManager.getConnection(infrastructure.jdbcUrl("workflow"),
                infrastructure.databaseUser(), infrastructure.databasePassword());
             PreparedStatement query = db.prepareStatement("""
                     select log.hostname_, count(*) from act_hi_job_log log
                     join act_hi_procinst process on process.proc_inst_id_ = log.process_instance_id_
                     where process.business_key_ = any (?) group by log.hostname_""")) {
            Array keys = db.createArrayOf("varchar", questions.stream().map(q -> q.id().toString()).toArray());
            query.setArray(1, keys);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    byHost.put(rows.getString(1), rows.getInt(2));
                }
            }
        }
        return byHost;
    }

    /** How many of these questions an instance's log names (each line carries the question it is about). */
    private long questionsNamedInTheLog(String instance, List<Asked> questions) throws IOException {
        String log = Files.readString(stack.instance(instance).log());
        return questions.stream().filter(q -> log.contains("," + q.id() + "]")).count();
    }
}
