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
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import org.springframework.boot.test.context.TestComponent;

/** Fresh doctors and questions for one test. */
@TestComponent
class Scenario {

    static final String PASSWORD = "secret-password";

    private final ManageDoctors doctors;
    private final KafkaProbe kafka;
    private final QueueItems items;

    Scenario(ManageDoctors doctors, KafkaProbe kafka, QueueItems items) {
        this.doctors = doctors;
        this.kafka = kafka;
        this.items = items;
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

    void awaitStatus(UUID questionId, QueueItem.Status status) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(items.find(questionId)).get().extracting(QueueItem::status).isEqualTo(status));
    }
}
