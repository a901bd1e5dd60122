package io.askflow.devstack.smtp;

import jakarta.mail.Address;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * One mail as the catcher shows it: what Mailpit shows of a message, read once from GreenMail's stored copy.
 * GreenMail keeps one copy per recipient; Mailpit shows one message per SMTP delivery, so copies are merged
 * by their {@code Message-ID} (see {@link MailStore}).
 */
record CaughtMessage(String id, String messageId, Mailbox from, List<Mailbox> to, List<Mailbox> cc,
                     List<Mailbox> replyTo, String subject, Instant created, Instant date, int size,
                     int attachments, String text, String html, byte[] raw) {

    record Mailbox(String name, String address) {
    }

    static CaughtMessage of(MimeMessage message, Instant received) {
        try {
            // Mailpit shows the Message-ID without its angle brackets
            String messageId = message.getMessageID() == null ? "" : message.getMessageID().replaceAll("^<|>$", "");
            Bodies bodies = new Bodies();
            bodies.collect(message);
            byte[] raw = rawBytes(message);
            Instant sent = message.getSentDate() == null ? received : message.getSentDate().toInstant();
            return new CaughtMessage(idOf(messageId, raw), messageId, first(message.getFrom()),
                    mailboxes(message.getRecipients(RecipientType.TO)), mailboxes(message.getRecipients(RecipientType.CC)),
                    replyTo(message), message.getSubject() == null ? "" : message.getSubject(),
                    received, sent, raw.length, bodies.attachments, bodies.text, bodies.html, raw);
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("Could not read a caught message", e);
        }
    }

    /** The Message-ID's fingerprint, so the same delivery keeps its ID across requests. */
    static String idOf(String messageId, byte[] raw) {
        byte[] basis = messageId.isEmpty() ? raw : messageId.getBytes(StandardCharsets.UTF_8);
        return UUID.nameUUIDFromBytes(basis).toString();
    }

    /** A short plain-text preview, as Mailpit's list shows. */
    String snippet() {
        String source = !text.isBlank() ? text : html.replaceAll("(?s)<(style|script)[^>]*>.*?</\\1>", " ")
                .replaceAll("<[^>]+>", " ").replace("&nbsp;", " ").replace("&amp;", "&");
        String flat = source.replaceAll("\\s+", " ").strip();
        return flat.length() <= 250 ? flat : flat.substring(0, 250) + "...";
    }

    boolean isFor(String address) {
        String wanted = address.toLowerCase(Locale.ROOT);
        return to.stream().anyMatch(m -> m.address().toLowerCase(Locale.ROOT).contains(wanted))
                || cc.stream().anyMatch(m -> m.address().toLowerCase(Locale.ROOT).contains(wanted));
    }

    private static byte[] rawBytes(MimeMessage message) throws IOException, MessagingException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out);
        return out.toByteArray();
    }

    /** Only a Reply-To header: Jakarta Mail answers From when there is none, Mailpit an empty list. */
    private static List<Mailbox> replyTo(MimeMessage message) throws MessagingException {
        return message.getHeader("Reply-To") == null ? List.of() : mailboxes(message.getReplyTo());
    }

    private static Mailbox first(Address[] addresses) {
        List<Mailbox> all = mailboxes(addresses);
        return all.isEmpty() ? new Mailbox("", "") : all.get(0);
    }

    private static List<Mailbox> mailboxes(Address[] addresses) {
        if (addresses == null) {
            return List.of();
        }
        return Arrays.stream(addresses).map(a -> a instanceof InternetAddress ia
                ? new Mailbox(ia.getPersonal() == null ? "" : ia.getPersonal(), ia.getAddress())
                : new Mailbox("", a.toString())).toList();
    }

    /** Walks the MIME tree: the first text/plain and text/html parts that are not attachments. */
    private static final class Bodies {
        private String text = "";
        private String html = "";
        private int attachments;

        void collect(Part part) throws MessagingException, IOException {
            if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                attachments++;
            } else if (part.isMimeType("multipart/*")) {
                Multipart multipart = (Multipart) part.getContent();
                for (int i = 0; i < multipart.getCount(); i++) {
                    collect(multipart.getBodyPart(i));
                }
            } else if (part.isMimeType("text/plain") && text.isEmpty()) {
                text = contentOf(part);
            } else if (part.isMimeType("text/html") && html.isEmpty()) {
                html = contentOf(part);
            }
        }

        private static String contentOf(Part part) throws MessagingException, IOException {
            Object content = part.getContent();
            if (content instanceof String s) {
                return s;
            }
            try (var in = part.getInputStream()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
    }
}
