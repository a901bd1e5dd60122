package io.askflow.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import io.askflow.events.NotificationSent;
import io.askflow.testsupport.AskflowIntegrationTest;
import io.askflow.testsupport.KafkaProbe;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole service on the shared test database and broker, mailing a GreenMail server. All test classes share one
 * application context: the SMTP port is chosen once per JVM, and each class gets a fresh GreenMail on it.
 */
@AskflowIntegrationTest(properties = {
        "askflow.mail.poll-interval=200ms",
        "askflow.mail.retry.initial-interval=300ms",
        "askflow.mail.retry.max-interval=1s",
        "askflow.security.admin.username=operator",
        "askflow.security.admin.password=s3cret"})
public abstract class NotificationServiceTest {

    private static final int SMTP_PORT = freePort();

    @RegisterExtension
    protected static final GreenMailExtension smtp = new GreenMailExtension(
            new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP)).withPerMethodLifecycle(false);

    @Autowired
    protected KafkaProbe kafka;

    @Autowired
    protected Deliveries deliveries;

    @Autowired
    protected JdbcTemplate jdbc;

    @DynamicPropertySource
    static void smtpServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    /** The messages GreenMail received for one address. */
    protected static List<MimeMessage> mailsTo(String address) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(message -> isTo(message, address)).toList();
    }

    /** The one mail this address received, once it is there. */
    protected static MimeMessage awaitOneMailTo(String address) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(mailsTo(address)).hasSize(1));
        return mailsTo(address).get(0);
    }

    protected List<NotificationSent> sentEvents(UUID questionId, UUID notificationId) {
        return kafka.events(NotificationSent.class, questionId).stream()
                .filter(event -> event.notificationId().equals(notificationId)).toList();
    }

    /** Whether the service has processed this event (its dedupe record exists). */
    protected boolean processed(UUID eventId) {
        return jdbc.queryForObject("select count(*) from processed_event where event_id = ?", Integer.class,
                eventId) == 1;
    }

    private static boolean isTo(MimeMessage message, String address) {
        try {
            Address[] recipients = message.getAllRecipients();
            return recipients != null && Arrays.stream(recipients)
                    .anyMatch(recipient -> ((InternetAddress) recipient).getAddress().equalsIgnoreCase(address));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
