package io.askflow.notification.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.askflow.events.AgeRange;
import io.askflow.events.DoctorUpdated;
import io.askflow.events.Gender;
import io.askflow.events.NotificationKind;
import io.askflow.events.NotificationRequested;
import io.askflow.events.QuestionSubmitted;
import io.askflow.events.Specialty;
import io.askflow.notification.NotificationServiceTest;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Each kind of mail as the patient or doctor receives it: headers, and both parts from the templates. */
class MailContentTest extends NotificationServiceTest {

    private static final String DISCLAIMER = "no substitute for seeing a doctor in person";
    private static final String REPLY = """
            Dear Mei, what you describe sounds like Bell's palsy, a weakness of the facial nerve.
            Please see a doctor today to rule out a stroke.
            Steroids help most when they are started within three days.
            Protect your eye at night with tape and drops.
            Most people recover fully within a few months.
            SECRET-SIXTH-LINE-OF-THE-REPLY""";

    @Test
    void answeredShowsDoctorSpecialtyFirstLinesAndLinkInBothParts() throws Exception {
        QuestionSubmitted question = question("Mei", "Sudden weakness on one side of my face");
        NotificationRequested request = request(question, NotificationKind.ANSWERED, "Dr. Ye", REPLY);
        kafka.send(question);
        kafka.send(request);

        MimeMessage mail = awaitOneMailTo(question.contactEmail());
        assertThat(mail.getSubject())
                .isEqualTo("Askflow: Dr. Ye (Neurology) answered \"Sudden weakness on one side of my face\"");
        assertThat(mail.getFrom()).extracting(a -> ((InternetAddress) a).getAddress())
                .containsExactly("no-reply@askflow.local");
        String text = part(mail, 0, "text/plain");
        String html = part(mail, 1, "text/html");
        assertThat(text).contains("Dear Mei,", "Dr. Ye (Neurology) answered your question",
                "> Dear Mei, what you describe sounds like Bell's palsy", "> Steroids help most",
                request.trackingUrl(), DISCLAIMER, "because you asked a question on Askflow")
                .doesNotContain("Protect your eye", "SECRET-SIXTH-LINE");
        assertThat(html).contains("<strong>Dr. Ye</strong>", "Neurology", "Bell&#39;s palsy",
                "href=\"" + request.trackingUrl() + "\"", DISCLAIMER)
                .doesNotContain("SECRET-SIXTH-LINE");
    }

    @Test
    void receivedCarriesTheTrackingLink() throws Exception {
        QuestionSubmitted question = question("Mei", "Sudden weakness on one side of my face");
        NotificationRequested request = request(question, NotificationKind.RECEIVED, null, null);
        kafka.send(question);
        kafka.send(request);

        MimeMessage mail = awaitOneMailTo(question.contactEmail());
        assertThat(mail.getSubject())
                .isEqualTo("Askflow: we received your question \"Sudden weakness on one side of my face\"");
        assertThat(part(mail, 0, "text/plain")).contains("we received your question", request.trackingUrl(),
                DISCLAIMER);
        assertThat(part(mail, 1, "text/html")).contains("href=\"" + request.trackingUrl() + "\"", DISCLAIMER)
                .doesNotContain("Seek care now");
    }

    @Test
    void receivedForAQuestionWithWarningSignsTellsThePatientToSeekCareNow() throws Exception {
        QuestionSubmitted question = question("Mei", "Sudden weakness on one side of my face");
        NotificationRequested plain = request(question, NotificationKind.RECEIVED, null, null);
        NotificationRequested urgent = new NotificationRequested(plain.eventId(), plain.questionId(),
                plain.occurredAt(), plain.notificationId(), plain.kind(), plain.specialty(), plain.questionTitle(),
                plain.trackingUrl(), null, null, null, true);
        kafka.send(question);
        kafka.send(urgent);

        MimeMessage mail = awaitOneMailTo(question.contactEmail());
        assertThat(part(mail, 0, "text/plain")).contains("SEEK CARE NOW", "call 119", urgent.trackingUrl());
        assertThat(part(mail, 1, "text/html")).contains("<strong>Seek care now.</strong>", "call 119");
    }

    @Test
    void trackingLinkIsSentAgainOnRequest() throws Exception {
        QuestionSubmitted question = question("Mei", "Sudden weakness on one side of my face");
        NotificationRequested request = request(question, NotificationKind.TRACKING_LINK, null, null);
        kafka.send(question);
        kafka.send(request);

        MimeMessage mail = awaitOneMailTo(question.contactEmail());
        assertThat(mail.getSubject())
                .isEqualTo("Askflow: your link to the question \"Sudden weakness on one side of my face\"");
        assertThat(part(mail, 0, "text/plain")).contains("send the link to your question", request.trackingUrl());
        assertThat(part(mail, 1, "text/html")).contains("href=\"" + request.trackingUrl() + "\"", DISCLAIMER);
        assertThat(mail.getHeader("List-Unsubscribe")).as("a mail the patient asked for").isNull();
    }

    @Test
    void delayedSaysWhatHappensNext() throws Exception {
        QuestionSubmitted question = question(null, "Rash after a new medicine");
        NotificationRequested request = request(question, NotificationKind.DELAYED, null, null);
        kafka.send(question);
        kafka.send(request);

        MimeMessage mail = awaitOneMailTo(question.contactEmail());
        assertThat(mail.getSubject()).isEqualTo("Askflow: your question \"Rash after a new medicine\" is taking longer");
        assertThat(part(mail, 0, "text/plain")).startsWith("Hello,")
                .contains("What happens next", "top of the Neurology queue", request.trackingUrl(), DISCLAIMER);
        assertThat(part(mail, 1, "text/html")).contains("What happens next", "href=\"" + request.trackingUrl() + "\"");
    }

    @Test
    void reminderTellsTheDoctorWhatWaitsAndWhy() throws Exception {
        UUID doctorId = UUID.randomUUID();
        var doctor = new DoctorUpdated(UUID.randomUUID(), Instant.now(), doctorId, "Dr. Lin",
                "lin." + doctorId + "@askflow.example", Set.of(Specialty.DERMATOLOGY), true);
        kafka.send(doctor);
        UUID questionId = UUID.randomUUID();
        var reminder = new NotificationRequested(UUID.randomUUID(), questionId, Instant.now(), UUID.randomUUID(),
                NotificationKind.REMINDER, Specialty.DERMATOLOGY, "Itchy rash", null, null, null,
                Instant.parse("2030-05-01T10:00:00Z"), false);
        await().atMost(Duration.ofSeconds(30)).until(() -> processed(doctor.eventId()));
        kafka.send(reminder);

        MimeMessage mail = awaitOneMailTo(doctor.email());
        assertThat(mail.getSubject()).isEqualTo("Askflow: a Dermatology question waits for a doctor: \"Itchy rash\"");
        assertThat(part(mail, 0, "text/plain")).contains("Dear Dr. Lin,", "\"Itchy rash\"", "2030-05-01 10:00 UTC",
                "http://127.0.0.1:8081/questions/" + questionId, "an active Dermatology doctor on Askflow");
        assertThat(part(mail, 1, "text/html")).contains("href=\"http://127.0.0.1:8081/questions/" + questionId + "\"",
                "an active Dermatology doctor on Askflow", DISCLAIMER);
    }

    @Test
    void titlesInAnyScriptAndNamesWithQuotesAndAngleBracketsSurvive() throws Exception {
        String nickname = "Mei \"Moon\" <Lin>";
        String title = "臉部突然無力 — Внезапная слабость лица: \"help\" <now>";
        QuestionSubmitted question = question(nickname, title);
        NotificationRequested request = request(question, NotificationKind.ANSWERED, "Dr. O'Neil \"Jr.\" <Ye>", REPLY);
        kafka.send(question);
        kafka.send(request);

        MimeMessage mail = awaitOneMailTo(question.contactEmail());
        assertThat(mail.getSubject()).isEqualTo("Askflow: Dr. O'Neil \"Jr.\" <Ye> (Neurology) answered \"" + title + "\"");
        assertThat(mail.getHeader("Subject")[0]).startsWith("=?UTF-8?");
        InternetAddress to = (InternetAddress) mail.getAllRecipients()[0];
        assertThat(to.getPersonal()).isEqualTo(nickname);
        assertThat(to.getAddress()).isEqualTo(question.contactEmail());
        assertThat(part(mail, 0, "text/plain")).contains("Dear " + nickname + ",", title);
        assertThat(part(mail, 1, "text/html")).contains("Mei &quot;Moon&quot; &lt;Lin&gt;", "臉部突然無力",
                "Dr. O&#39;Neil &quot;Jr.&quot; &lt;Ye&gt;").doesNotContain("<Lin>", "<now>");
    }

    private static String part(MimeMessage mail, int index, String type) throws Exception {
        assertThat(mail.getContentType()).startsWith("multipart/alternative");
        BodyPart part = ((Multipart) mail.getContent()).getBodyPart(index);
        assertThat(part.getContentType()).startsWith(type).containsIgnoringCase("charset=UTF-8");
        return (String) part.getContent();
    }

    private static QuestionSubmitted question(String nickname, String title) {
        UUID questionId = UUID.randomUUID();
        return new QuestionSubmitted(UUID.randomUUID(), questionId, Instant.now(), nickname, AgeRange.FROM_30_TO_39,
                Gender.FEMALE, Specialty.NEUROLOGY, title, "Since this morning my face droops.", "en", false,
                "http://127.0.0.1:8080/track/" + UUID.randomUUID(), "patient." + questionId + "@example.org", false);
    }

    private static NotificationRequested request(QuestionSubmitted question, NotificationKind kind, String doctor,
                                                 String reply) {
        return new NotificationRequested(UUID.randomUUID(), question.questionId(), Instant.now(), UUID.randomUUID(),
                kind, Specialty.NEUROLOGY, question.title(), question.trackingUrl(), doctor, reply, null, false);
    }
}
