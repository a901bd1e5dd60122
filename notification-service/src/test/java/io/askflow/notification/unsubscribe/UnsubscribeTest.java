package io.askflow.notification.unsubscribe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.askflow.events.NotificationKind;
import io.askflow.events.NotificationRequested;
import io.askflow.events.QuestionSubmitted;
import io.askflow.events.Specialty;
import io.askflow.notification.Delivery;
import io.askflow.notification.DeliveryStatus;
import io.askflow.notification.NotificationServiceTest;
import io.askflow.testsupport.Fixtures;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** The signed link in optional mails: a confirmation page, then no more RECEIVED or DELAYED; ANSWERED still goes. */
class UnsubscribeTest extends NotificationServiceTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    UnsubscribeLinks links;

    @Autowired
    Unsubscribes unsubscribes;

    @Test
    void theLinkOfAnOptionalMailUnsubscribesOnlyWhenConfirmedAndAnsweredStillGoes() throws Exception {
        QuestionSubmitted question = Fixtures.questionSubmitted(Specialty.NEUROLOGY);
        kafka.send(question);
        kafka.send(Fixtures.notificationRequested(question.questionId(), NotificationKind.RECEIVED));

        MimeMessage received = awaitOneMailTo(question.contactEmail());
        String link = received.getHeader("List-Unsubscribe")[0].replaceAll("^<|>$", "");
        assertThat(link).startsWith("http://127.0.0.1:8084/unsubscribe?token=" + question.questionId() + ".");
        assertThat(received.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
        assertThat(part(received, 0)).contains("To stop optional emails", link);
        assertThat(part(received, 1)).contains("href=\"" + link.replace("&", "&amp;") + "\"");
        String token = link.substring(link.indexOf("token=") + "token=".length());

        // what a link scanner does: it only sees the question
        mvc.perform(get("/unsubscribe").param("token", token))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Stop the optional emails")))
                .andExpect(content().string(not(containsString(question.contactEmail()))));
        assertThat(unsubscribes.covers(question.contactEmail())).isFalse();

        mvc.perform(post("/unsubscribe").param("token", token))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("you will get no more optional emails")));
        assertThat(unsubscribes.covers(question.contactEmail().toUpperCase(Locale.ROOT))).isTrue();

        UUID questionId = question.questionId();
        NotificationRequested delayed = Fixtures.notificationRequested(questionId, NotificationKind.DELAYED);
        NotificationRequested answered = Fixtures.notificationRequested(questionId, NotificationKind.ANSWERED);
        kafka.send(delayed);
        kafka.send(answered);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(mailsTo(question.contactEmail()))
                .extracting(MimeMessage::getMessageID)
                .containsExactlyInAnyOrder(received.getMessageID(),
                        "<" + answered.notificationId() + "@askflow.local>"));
        String receivedId = received.getMessageID();
        MimeMessage answer = mailsTo(question.contactEmail()).stream()
                .filter(mail -> !receivedId.equals(messageId(mail))).findFirst().orElseThrow();
        assertThat(answer.getHeader("List-Unsubscribe")).isNull();
        assertThat(part(answer, 0)).doesNotContain("/unsubscribe");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(deliveryOf(question.questionId(), delayed.notificationId()).status())
                        .isEqualTo(DeliveryStatus.SKIPPED_UNSUBSCRIBED));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(mailsTo(question.contactEmail())).hasSize(2);
            assertThat(deliveryOf(question.questionId(), delayed.notificationId()).attempts()).isZero();
        });
        assertThat(sentEvents(question.questionId(), delayed.notificationId())).isEmpty();
        assertThat(sentEvents(question.questionId(), answered.notificationId())).hasSize(1);
    }

    @Test
    void theUnsubscribeCoversTheAddressOnLaterQuestionsToo() throws Exception {
        QuestionSubmitted first = Fixtures.questionSubmitted(Specialty.NEUROLOGY);
        QuestionSubmitted later = withAddress(Fixtures.questionSubmitted(Specialty.DERMATOLOGY),
                first.contactEmail().toUpperCase(Locale.ROOT));
        kafka.send(first);
        kafka.send(later);
        await().atMost(Duration.ofSeconds(30)).until(() -> processed(first.eventId()) && processed(later.eventId()));

        mvc.perform(post("/unsubscribe").param("token", links.token(first.questionId(), first.contactEmail()))
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED).content("List-Unsubscribe=One-Click"))
                .andExpect(status().isOk());
        NotificationRequested received = Fixtures.notificationRequested(later.questionId(), NotificationKind.RECEIVED);
        kafka.send(received);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(deliveryOf(later.questionId(), received.notificationId()).status())
                        .isEqualTo(DeliveryStatus.SKIPPED_UNSUBSCRIBED));
        assertThat(mailsTo(first.contactEmail())).isEmpty();
    }

    @Test
    void unsubscribingSkipsOptionalMailsStillWaitingForTheirTurn() throws Exception {
        QuestionSubmitted question = Fixtures.questionSubmitted(Specialty.NEUROLOGY);
        NotificationRequested delayed = Fixtures.notificationRequested(question.questionId(), NotificationKind.DELAYED);
        String token = links.token(question.questionId(), question.contactEmail());
        smtp.stop();
        try {
            kafka.send(question);
            kafka.send(delayed);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(deliveryOf(question.questionId(), delayed.notificationId()).attempts()).isPositive());
            // idempotent: repeated until it meets the mail between two attempts rather than in one
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                mvc.perform(post("/unsubscribe").param("token", token)).andExpect(status().isOk());
                assertThat(deliveryOf(question.questionId(), delayed.notificationId()).status())
                        .isEqualTo(DeliveryStatus.SKIPPED_UNSUBSCRIBED);
            });
        } finally {
            smtp.start();
        }
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(mailsTo(question.contactEmail())).isEmpty());
    }

    @Test
    void forgedDamagedOrForeignLinksAreRefusedAndChangeNothing() throws Exception {
        QuestionSubmitted mine = Fixtures.questionSubmitted(Specialty.NEUROLOGY);
        QuestionSubmitted other = Fixtures.questionSubmitted(Specialty.NEUROLOGY);
        kafka.send(mine);
        kafka.send(other);
        await().atMost(Duration.ofSeconds(30)).until(() -> processed(mine.eventId()) && processed(other.eventId()));
        String token = links.token(mine.questionId(), mine.contactEmail());
        String signature = token.substring(token.indexOf('.'));

        List<String> invalid = List.of("", "not-a-token", UUID.randomUUID() + signature, other.questionId() + signature,
                token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BB" : "AA"),
                links.token(mine.questionId(), other.contactEmail()));
        for (String bad : invalid) {
            mvc.perform(get("/unsubscribe").param("token", bad))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().string(containsString("not valid")));
            mvc.perform(post("/unsubscribe").param("token", bad)).andExpect(status().isBadRequest());
        }
        mvc.perform(post("/unsubscribe")).andExpect(status().isBadRequest());
        assertThat(unsubscribes.covers(mine.contactEmail())).isFalse();
        assertThat(unsubscribes.covers(other.contactEmail())).isFalse();
    }

    private Delivery deliveryOf(UUID questionId, UUID notificationId) {
        return deliveries.ofQuestion(questionId).stream()
                .filter(delivery -> delivery.notificationId().equals(notificationId)).findFirst()
                .orElseThrow(() -> new AssertionError("notification " + notificationId + " is not stored yet"));
    }

    private static String part(MimeMessage mail, int index) throws Exception {
        BodyPart part = ((Multipart) mail.getContent()).getBodyPart(index);
        return (String) part.getContent();
    }

    private static String messageId(MimeMessage mail) {
        try {
            return mail.getMessageID();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static QuestionSubmitted withAddress(QuestionSubmitted q, String address) {
        return new QuestionSubmitted(q.eventId(), q.questionId(), q.occurredAt(), q.nickname(), q.ageRange(),
                q.gender(), q.requestedSpecialty(), q.title(), q.body(), q.language(), q.consentToPublish(),
                q.trackingUrl(), address, q.urgent());
    }
}
