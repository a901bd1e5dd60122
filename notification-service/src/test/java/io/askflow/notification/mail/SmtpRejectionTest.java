package io.askflow.notification.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.askflow.events.NotificationKind;
import io.askflow.notification.Delivery;
import io.askflow.notification.DeliveryStatus;
import io.askflow.testsupport.Fixtures;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import jakarta.mail.MessagingException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.thymeleaf.TemplateEngine;

/**
 * GreenMail accepts every recipient, so a real refusal comes from a tiny SMTP server here that answers RCPT TO with
 * a configured reply, over a real socket and Jakarta Mail's real SMTP client: a 5xx is permanent, a 4xx is not.
 */
class SmtpRejectionTest {

    private RefusingSmtpServer server;

    @AfterEach
    void stop() throws IOException {
        server.close();
    }

    @Test
    void aRecipientRefusedWith550IsAPermanentFailureAndNothingIsSent() throws Exception {
        server = new RefusingSmtpServer("550 5.1.1 <mei.lin@example.org>: Recipient address rejected: User unknown");

        SendFailure failure = sendAndClassify();

        assertThat(failure.permanent()).isTrue();
        assertThat(failure.smtpResponse()).startsWith("550 5.1.1 <m***@example.org>").doesNotContain("mei.lin@");
        assertThat(failure.error()).doesNotContain("mei.lin@");
        assertThat(server.commands()).anyMatch(command -> command.startsWith("RCPT TO"))
                .noneMatch(command -> command.equals("DATA"));
    }

    @Test
    void aRecipientDeferredWith451IsRetried() throws Exception {
        server = new RefusingSmtpServer("451 4.7.1 Greylisted, please try again later");

        SendFailure failure = sendAndClassify();

        assertThat(failure.permanent()).isFalse();
        assertThat(failure.smtpResponse()).startsWith("451 4.7.1");
    }

    private SendFailure sendAndClassify() throws Exception {
        var mailServer = new JavaMailSenderImpl();
        mailServer.setHost("127.0.0.1");
        mailServer.setPort(server.port());
        Properties timeouts = new Properties();
        timeouts.put("mail.smtp.connectiontimeout", "5000");
        timeouts.put("mail.smtp.timeout", "5000");
        mailServer.setJavaMailProperties(timeouts);
        var settings = MailSettings.defaults();
        var composer = new MailComposer(new TemplateEngine(), settings);
        var request = Fixtures.notificationRequested(UUID.randomUUID(), NotificationKind.ANSWERED);
        var delivery = Delivery.requested(request, Delivery.PATIENT, "mei.lin@example.org", "Mei",
                composer.messageId(request.notificationId(), Delivery.PATIENT), "Askflow: Dr. Ye answered", "text",
                "<p>html</p>", null, DeliveryStatus.PENDING, Instant.now(), Instant.now());
        try (var smtp = new SmtpConnection(mailServer)) {
            MessagingException refused = catchThrowableOfType(MessagingException.class,
                    () -> smtp.send(composer.mime(smtp.session(), delivery, Instant.now())));
            assertThat(refused).as("the server refused the mail").isNotNull();
            return SendFailure.of(refused);
        }
    }

    /** Speaks just enough SMTP to refuse every recipient with one reply. */
    private static final class RefusingSmtpServer implements AutoCloseable {

        private final ServerSocket socket = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        private final List<String> commands = new CopyOnWriteArrayList<>();
        private final String rcptReply;

        RefusingSmtpServer(String rcptReply) throws IOException {
            this.rcptReply = rcptReply;
            Thread thread = new Thread(this::serve, "refusing-smtp");
            thread.setDaemon(true);
            thread.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        List<String> commands() {
            return commands;
        }

        private void serve() {
            while (!socket.isClosed()) {
                try (Socket client = socket.accept();
                     var in = new BufferedReader(new InputStreamReader(client.getInputStream(),
                             StandardCharsets.US_ASCII));
                     var out = new PrintWriter(client.getOutputStream(), true, StandardCharsets.US_ASCII)) {
                    reply(out, "220 refusing.test ESMTP");
                    for (String line = in.readLine(); line != null; line = in.readLine()) {
                        commands.add(line);
                        String verb = line.length() < 4 ? line : line.substring(0, 4).toUpperCase(Locale.ROOT);
                        switch (verb) {
                            case "EHLO", "HELO" -> reply(out, "250 refusing.test");
                            case "MAIL", "RSET", "NOOP" -> reply(out, "250 2.0.0 OK");
                            case "RCPT" -> reply(out, rcptReply);
                            case "QUIT" -> {
                                reply(out, "221 2.0.0 Bye");
                                return;
                            }
                            default -> reply(out, "503 5.5.1 Bad sequence of commands");
                        }
                    }
                } catch (SocketException closed) {
                    return;
                } catch (IOException e) {
                    commands.add("I/O error: " + e.getMessage());
                }
            }
        }

        private static void reply(PrintWriter out, String line) {
            out.print(line + "\r\n");
            out.flush();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
