package io.askflow.notification.mail;

import io.askflow.events.NotificationRequested;
import io.askflow.events.Specialty;
import io.askflow.notification.Delivery;
import io.askflow.notification.DeliveryStatus;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.UnsupportedEncodingException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Turns a request into a mail: the subject in Java, both bodies from the Thymeleaf templates in
 * {@code templates/mail/}, rendered once into the delivery that is stored, and later the MIME message with the
 * Message-ID derived from the notification id.
 */
@Component
public class MailComposer {

    private static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final int SUBJECT_TITLE_CHARS = 120;

    private final ITemplateEngine templates;
    private final MailSettings settings;
    private final InternetAddress from;

    MailComposer(ITemplateEngine mailTemplates, MailSettings settings) throws AddressException {
        this.templates = mailTemplates;
        this.settings = settings;
        this.from = new InternetAddress(settings.from(), true);
    }

    /**
     * One recipient's mail of a request, rendered once: every attempt sends what is stored here.
     *
     * @param unsubscribeUrl the signed link of an optional mail's footer; {@code null} for mails always sent
     * @param status         PENDING, or SKIPPED_UNSUBSCRIBED for an optional mail the patient opted out of
     */
    public Delivery compose(NotificationRequested request, Recipient recipient, String title, String trackingUrl,
                            String unsubscribeUrl, DeliveryStatus status, Instant now) {
        RenderedMail mail = render(request, recipient, title, trackingUrl, unsubscribeUrl);
        return Delivery.requested(request, recipient.key(), recipient.address(), recipient.name(),
                messageId(request.notificationId(), recipient.key()), mail.subject(), mail.text(), mail.html(),
                unsubscribeUrl, status, now, now.plus(settings.retry().giveUpAfter()));
    }

    private RenderedMail render(NotificationRequested request, Recipient recipient, String title, String trackingUrl,
                                String unsubscribeUrl) {
        String subject = subject(request, recipient, oneLine(title));
        Context context = new Context(Locale.forLanguageTag(language(recipient)));
        context.setVariable("subject", subject);
        context.setVariable("product", settings.productName());
        context.setVariable("language", language(recipient));
        context.setVariable("name", blankToNull(recipient.name()));
        context.setVariable("title", title);
        context.setVariable("trackingUrl", trackingUrl);
        context.setVariable("doctorName", request.doctorName());
        context.setVariable("specialty", specialtyName(request.specialty()));
        Excerpt excerpt = excerpt(request.replyExcerpt());
        context.setVariable("replyLines", excerpt.lines());
        context.setVariable("replyShortened", excerpt.shortened());
        context.setVariable("dueAt", request.dueAt() == null ? null : DUE.format(request.dueAt()));
        context.setVariable("urgent", request.urgent());
        context.setVariable("questionUrl", settings.doctorUrl() + "/questions/" + request.questionId());
        context.setVariable("unsubscribeUrl", unsubscribeUrl);
        String template = request.kind().name().toLowerCase(Locale.ROOT);
        return new RenderedMail(subject, templates.process(template + ".txt", context),
                templates.process(template + ".html", context));
    }

    /**
     * The Message-ID of one recipient's mail of a request: the same on every attempt, so a mail sent twice (a
     * crash between sending and recording) is recognisably one message to the receiving side.
     */
    public String messageId(UUID notificationId, String recipientKey) {
        String local = Delivery.PATIENT.equals(recipientKey)
                ? notificationId.toString() : notificationId + "." + recipientKey;
        String address = from.getAddress();
        return "<" + local + "@" + address.substring(address.indexOf('@') + 1) + ">";
    }

    /**
     * The MIME message of a stored mail: multipart/alternative with the text part first, UTF-8 throughout
     * (encoded words in the headers, so titles in any script and names with quotes or angle brackets survive).
     * An optional mail carries its unsubscribe link as RFC 8058 one-click List-Unsubscribe headers too.
     *
     * @throws AddressException when the recipient's address is not a valid address: a permanent failure
     */
    public MimeMessage mime(Session session, Delivery delivery, Instant date) throws MessagingException {
        String messageId = delivery.messageId();
        InternetAddress to = new InternetAddress(delivery.recipient(), true);
        try {
            to.setPersonal(blankToNull(delivery.recipientName()), "UTF-8");
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException("UTF-8 is always supported", e);
        }
        MimeMessage message = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        message.setFrom(from);
        message.setRecipient(MimeMessage.RecipientType.TO, to);
        message.setSubject(delivery.subject(), "UTF-8");
        message.setSentDate(Date.from(date));
        message.setHeader("Auto-Submitted", "auto-generated");
        if (delivery.unsubscribeUrl() != null) {
            message.setHeader("List-Unsubscribe", "<" + delivery.unsubscribeUrl() + ">");
            message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        var textPart = new MimeBodyPart();
        textPart.setText(delivery.textBody(), "UTF-8", "plain");
        var htmlPart = new MimeBodyPart();
        htmlPart.setText(delivery.htmlBody(), "UTF-8", "html");
        message.setContent(new MimeMultipart("alternative", textPart, htmlPart));
        message.saveChanges();
        return message;
    }

    private String subject(NotificationRequested request, Recipient recipient, String title) {
        String shortTitle = title.length() > SUBJECT_TITLE_CHARS
                ? title.substring(0, SUBJECT_TITLE_CHARS).strip() + "…" : title;
        String product = settings.productName();
        return oneLine(switch (request.kind()) {
            case RECEIVED -> product + ": we received your question \"" + shortTitle + "\"";
            case ANSWERED -> product + ": " + request.doctorName() + " (" + specialtyName(request.specialty())
                    + ") answered \"" + shortTitle + "\"";
            case DELAYED -> product + ": your question \"" + shortTitle + "\" is taking longer";
            case REMINDER -> (request.urgent() ? "URGENT " : "") + product + ": a "
                    + specialtyName(request.specialty()) + " question waits for a doctor: \"" + shortTitle + "\"";
            case TRACKING_LINK -> product + ": your link to the question \"" + shortTitle + "\"";
        });
    }

    /** The first lines of the reply, unless the full reply is configured; a forwarded mail shows no more. */
    private Excerpt excerpt(String reply) {
        if (reply == null || reply.isBlank()) {
            return new Excerpt(List.of(), false);
        }
        List<String> lines = Arrays.stream(reply.strip().split("\\R")).map(String::strip)
                .filter(line -> !line.isEmpty()).toList();
        if (settings.includeFullReply()) {
            return new Excerpt(lines, false);
        }
        List<String> kept = new ArrayList<>();
        int budget = settings.replyExcerptChars();
        for (String line : lines.subList(0, Math.min(lines.size(), settings.replyExcerptLines()))) {
            if (budget <= 0) {
                break;
            }
            kept.add(line.length() > budget ? line.substring(0, budget).strip() + "…" : line);
            budget -= line.length();
        }
        boolean shortened = kept.size() < lines.size()
                || (!kept.isEmpty() && !kept.get(kept.size() - 1).equals(lines.get(kept.size() - 1)));
        return new Excerpt(kept, shortened);
    }

    private record Excerpt(List<String> lines, boolean shortened) {
    }

    private static String specialtyName(Specialty specialty) {
        return specialty == null ? Specialty.GENERAL_MEDICINE.displayName() : specialty.displayName();
    }

    private static String language(Recipient recipient) {
        return recipient.language() == null || recipient.language().isBlank() ? "en" : recipient.language();
    }

    /** A mail's subject and its two bodies, as rendered from the templates. */
    private record RenderedMail(String subject, String text, String html) {
    }

    /** Header values are one line: a line break in a title must not start a new header. */
    private static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("[\\r\\n\\t]+", " ").strip();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
