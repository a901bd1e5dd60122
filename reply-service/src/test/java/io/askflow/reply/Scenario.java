package io.askflow.reply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.askflow.events.QuestionRouted;
import io.askflow.events.QuestionSubmitted;
import io.askflow.events.Specialty;
import io.askflow.reply.doctor.Doctor;
import io.askflow.reply.doctor.DoctorForm;
import io.askflow.reply.doctor.ManageDoctors;
import io.askflow.reply.doctor.Role;
import io.askflow.testsupport.Fixtures;
import io.askflow.testsupport.KafkaProbe;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.common.utils.Utils;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestComponent;

/** Fresh doctors and questions for one test. */
@TestComponent
class Scenario {

    static final String PASSWORD = "secret-password";

    private final ManageDoctors doctors;
    private final KafkaProbe kafka;
    private final QueueItems items;

    private final int partitions;

    Scenario(ManageDoctors doctors, KafkaProbe kafka, QueueItems items,
             @Value("${askflow.kafka.partitions}") int partitions) {
        this.doctors = doctors;
        this.kafka = kafka;
        this.items = items;
        this.partitions = partitions;
    }

    /** A new doctor of these specialties, password {@link #PASSWORD}. */
    Doctor doctor(String name, Specialty... specialties) {
        String username = "dr." + name.toLowerCase() + "." + UUID.randomUUID().toString().substring(0, 8);
        return doctors.createIfAbsent(new DoctorForm(username, "Dr. " + name, username + "@doctors.example.org",
                PASSWORD, Set.of(specialties), Role.DOCTOR, true)).orElseThrow();
    }

    /** Submits and routes a new question to the specialty and waits until it is open in the queue. */
    QuestionSubmitted openQuestion(Specialty specialty) {
        QuestionSubmitted submitted = Fixtures.questionSubmitted(specialty);
        QuestionRouted routed = Fixtures.questionRouted(submitted.questionId(), specialty);
        kafka.send(submitted);
        kafka.send(routed);
        awaitStatus(submitted.questionId(), QueueItem.Status.OPEN);
        await().atMost(Duration.ofSeconds(30)).until(() -> items.find(submitted.questionId())
                .filter(QueueItem::visible).isPresent());
        return submitted;
    }

    /**
     * A fresh question id whose events land on the same partition as this question's: once a listener has
     * processed a record for it, it has processed every earlier record of that topic for this question.
     */
    UUID questionOnSamePartitionAs(UUID questionId) {
        UUID candidate;
        do {
            candidate = UUID.randomUUID();
        } while (partitionOf(candidate) != partitionOf(questionId));
        return candidate;
    }

    private int partitionOf(UUID key) {
        return Utils.toPositive(Utils.murmur2(key.toString().getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    void awaitStatus(UUID questionId, QueueItem.Status status) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(items.find(questionId)).get().extracting(QueueItem::status).isEqualTo(status));
    }
}
