package io.askflow.notification.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * One sender thread's SMTP connection, opened on first use and kept for a burst: a new connection per message
 * (what {@code JavaMailSender.send} of a single message does) caps a sender at a few dozen mails per second.
 * Uses the server and session that Boot configured from {@code spring.mail.*}. Not thread-safe.
 */
final class SmtpConnection implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SmtpConnection.class);

    private final JavaMailSenderImpl server;
    private Transport transport;

    SmtpConnection(JavaMailSenderImpl server) {
        this.server = server;
    }

    Session session() {
        return server.getSession();
    }

    /** Sends one message and returns the server's reply to it. */
    String send(MimeMessage message) throws MessagingException {
        if (transport == null) {
            transport = connect();
        }
        transport.sendMessage(message, message.getAllRecipients());
        String response = transport instanceof SMTPTransport smtp ? smtp.getLastServerResponse() : null;
        return response == null ? "accepted" : response.strip();
    }

    private Transport connect() throws MessagingException {
        String protocol = server.getProtocol() == null ? "smtp" : server.getProtocol();
        Transport connection = session().getTransport(protocol);
        String username = blankToNull(server.getUsername());
        connection.connect(server.getHost(), server.getPort(), username,
                username == null ? null : blankToNull(server.getPassword()));
        return connection;
    }

    /** Drops the connection, e.g. after a failure left it in an unknown state; the next send reconnects. */
    @Override
    public void close() {
        if (transport != null) {
            try {
                transport.close();
            } catch (MessagingException e) {
                log.debug("Closing the SMTP connection failed: {}", e.getMessage());
            }
            transport = null;
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
