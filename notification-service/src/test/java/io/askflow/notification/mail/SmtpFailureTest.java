package io.askflow.notification.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.askflow.events.AgeRange;
import io.askflow.events.Gender;
import io.askflow.events.NotificationFailed;
import io.askflow.events.NotificationKind;
import io.askflow.events.NotificationRequested;
import io.askflow.events.QuestionSubmitted;
import io.askflow.events.Specialty;
import io.askflow.notification.Delivery;
import io.askflow.notification.DeliveryStatus;
import io.askflow.notification.NotificationServiceTest;
import io.askflow.testsupport.Fixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** Retries when the SMTP server is down, no retries when a mail can never be delivered. */
class SmtpFailureTest extends NotificationServiceTest {

    @Autowired
    MockMvc mvc;

    @Test
    void mailsRequestedWhileSmtpIsDownArriveExactlyOnceWhenItIsBack() throws Exception {
        List<QuestionSubmitted> questions = IntStream.range(0, 3)
                .mapToObj(i -> Fixtures.questionSubmitted(Specialty.NEUROLOGY)).toList();
        smtp.stop();
        try {
            for (QuestionSubmitted question : questions) {
                kafka.send(question);
                kafka.send(Fixtures.notificationRequested(question.questionId(), NotificationKind.ANSWERED));
            }
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                for (QuestionSubmitted question : questions) {
                    assertThat(deliveries.ofQuestion(question.questionId())).singleElement().satisfies(delivery -> {
                        assertThat(delivery.attempts()).isGreaterThanOrEqualTo(2);
                        assertThat(delivery.status()).isIn(DeliveryStatus.PENDING, DeliveryStatus.SENDING);
                        assertThat(delivery.lastError()).isNotBlank();
                    });
                }
            });
        } finally {
            smtp.start();
        }

        for (QuestionSubmitted question : questions) {
            awaitOneMailTo(question.contactEmail());
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                Delivery delivery = deliveries.ofQuestion(question.questionId()).get(0);
                assertThat(delivery.status()).isEqualTo(DeliveryStatus.SENT);
                assertThat(sentEvents(question.questionId(), delivery.notificationId())).singleElement()
                        .satisfies(sent -> assertThat(sent.attempt()).isEqualTo(delivery.attempts()));
            });
        }
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                questions.forEach(question -> assertThat(mailsTo(question.contactEmail())).hasSize(1)));
    }

    @Test
    void aPermanentFailureStopsAtOnceIsPublishedAndCanBeRetriedByTheOperator() throws Exception {
        UUID questionId = UUID.randomUUID();
        var question = new QuestionSubmitted(UUID.randomUUID(), questionId, Instant.now(), "Mei",
                AgeRange.FROM_30_TO_39, Gender.FEMALE, Specialty.NEUROLOGY, "Face droops", "Since this morning.",
                "en", false, "http://127.0.0.1:8080/track/" + UUID.randomUUID(), "mei at example dot org", false);
        NotificationRequested request = Fixtures.notificationRequested(questionId, NotificationKind.ANSWERED);
        kafka.send(question);
        kafka.send(request);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(failedEvents(questionId)).singleElement().satisfies(failed -> {
                    assertThat(failed.notificationId()).isEqualTo(request.notificationId());
                    assertThat(failed.attempt()).isEqualTo(1);
                    assertThat(failed.error()).contains("AddressException").doesNotContain("example dot org");
                }));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(deliveries.ofQuestion(questionId)).singleElement().satisfies(delivery -> {
                    assertThat(delivery.status()).isEqualTo(DeliveryStatus.FAILED);
                    assertThat(delivery.attempts()).isEqualTo(1);
                }));
        UUID id = deliveries.ofQuestion(questionId).get(0).id();
        mvc.perform(get("/api/notifications").param("questionId", questionId.toString())
                        .with(httpBasic("operator", "s3cret")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].id").value(id.toString()))
                .andExpect(jsonPath("$[0].status").value("FAILED"))
                .andExpect(jsonPath("$[0].attempts").value(1))
                .andExpect(jsonPath("$[0].lastError").value(org.hamcrest.Matchers.containsString("AddressException")))
                .andExpect(jsonPath("$[0].failedAt").isNotEmpty());

        mvc.perform(post("/api/notifications/{id}/retry", id).with(httpBasic("operator", "s3cret")))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.status").value("PENDING"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(failedEvents(questionId)).extracting(NotificationFailed::attempt).containsExactly(1, 2));
        assertThat(deliveries.find(id)).get().extracting(Delivery::status).isEqualTo(DeliveryStatus.FAILED);
    }

    private List<NotificationFailed> failedEvents(UUID questionId) {
        return kafka.events(NotificationFailed.class, questionId);
    }
}
