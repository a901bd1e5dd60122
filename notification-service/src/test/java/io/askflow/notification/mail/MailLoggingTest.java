package io.askflow.notification.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.askflow.events.NotificationKind;
import io.askflow.events.NotificationRequested;
import io.askflow.events.QuestionSubmitted;
import io.askflow.events.Specialty;
import io.askflow.notification.NotificationServiceTest;
import io.askflow.testsupport.Fixtures;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** An operator follows one question's mails through the log by its id, and never sees the patient's address. */
@ExtendWith(OutputCaptureExtension.class)
class MailLoggingTest extends NotificationServiceTest {

    @Test
    void everyLineAboutAMailNamesItsQuestionAndNeverTheAddress(CapturedOutput output) {
        QuestionSubmitted question = Fixtures.questionSubmitted(Specialty.NEUROLOGY);
        NotificationRequested request = Fixtures.notificationRequested(question.questionId(), NotificationKind.ANSWERED);
        kafka.send(question);
        kafka.send(request);
        awaitOneMailTo(question.contactEmail());

        String context = "[notification-service," + question.questionId() + "]";
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(output.getOut().lines()
                .filter(line -> line.contains("Sent ANSWERED mail")
                        && line.contains(request.notificationId().toString())))
                .singleElement().asString().contains(context));
        assertThat(output.getOut().lines().filter(line -> line.contains(request.notificationId().toString())))
                .allSatisfy(line -> assertThat(line).contains(context));
        assertThat(output.getAll()).doesNotContainIgnoringCase(question.contactEmail());
    }
}
