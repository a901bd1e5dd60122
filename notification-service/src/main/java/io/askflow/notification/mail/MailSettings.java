package io.askflow.notification.mail;

import io.askflow.platform.ServicePorts;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How Askflow writes and sends its mail ({@code askflow.mail.*}); the SMTP server itself is {@code spring.mail.*}.
 *
 * @param from              sender of every mail, e.g. {@code Askflow <no-reply@askflow.local>}; its domain is the
 *                          right-hand side of every Message-ID
 * @param productName       the name mails are signed with
 * @param doctorUrl         base URL of reply-service, for the question link in doctors' reminders
 * @param publicUrl         base URL of this service as patients reach it, for the unsubscribe link
 * @param unsubscribeSecret key of the HMAC that signs unsubscribe links; blank: a random key per start (links
 *                          then stop working at a restart and differ between instances, so production sets one)
 * @param includeFullReply  whether ANSWERED mails carry the reply excerpt as the workflow sent it; off by default,
 *                          since a mail may be forwarded: then only its first lines go out
 * @param replyExcerptLines lines of the reply an ANSWERED mail shows when {@code includeFullReply} is off
 * @param replyExcerptChars characters of the reply an ANSWERED mail shows when {@code includeFullReply} is off
 * @param maxPerSecond      mails each instance sends per second at most, so a burst does not get the sender
 *                          blocked; 0 lifts the limit (benchmarks)
 * @param senders           sender threads of each instance, each with its own SMTP connection
 * @param batchSize         due mails a sender claims at once
 * @param pollInterval      how often an idle sender looks for due mails (new requests wake it at once)
 * @param lease             how long a claimed mail belongs to its sender; after that it is due again, as
 *                          happens when the instance dies mid-send
 * @param retry             how transient SMTP failures are retried
 */
@ConfigurationProperties("askflow.mail")
public record MailSettings(String from, String productName, String doctorUrl, String publicUrl,
                           String unsubscribeSecret, boolean includeFullReply,
                           Integer replyExcerptLines, Integer replyExcerptChars, Double maxPerSecond,
                           Integer senders, Integer batchSize, Duration pollInterval, Duration lease,
                           RetryPolicy retry) {

    public MailSettings {
        from = from == null || from.isBlank() ? "Askflow <no-reply@askflow.local>" : from;
        productName = productName == null || productName.isBlank() ? "Askflow" : productName;
        doctorUrl = doctorUrl == null || doctorUrl.isBlank() ? local("reply-service") : doctorUrl;
        publicUrl = publicUrl == null || publicUrl.isBlank() ? local("notification-service")
                : publicUrl.replaceAll("/+$", "");
        replyExcerptLines = replyExcerptLines == null ? 3 : replyExcerptLines;
        replyExcerptChars = replyExcerptChars == null ? 400 : replyExcerptChars;
        maxPerSecond = maxPerSecond == null ? 20.0 : maxPerSecond;
        senders = senders == null ? 8 : Math.max(1, senders);
        batchSize = batchSize == null ? 50 : Math.max(1, batchSize);
        pollInterval = pollInterval == null ? Duration.ofSeconds(1) : pollInterval;
        lease = lease == null ? Duration.ofMinutes(10) : lease;
        retry = retry == null ? RetryPolicy.defaults() : retry;
    }

    /** Every setting at its default, as with no {@code askflow.mail.*} configured. */
    public static MailSettings defaults() {
        return new MailSettings(null, null, null, null, null, false, null, null, null, null, null, null, null, null);
    }

    /** Keeps the unsubscribe secret out of logs and error messages. */
    @Override
    public String toString() {
        return "MailSettings[from=" + from + ", publicUrl=" + publicUrl + ", maxPerSecond=" + maxPerSecond
                + ", senders=" + senders + ", batchSize=" + batchSize + "]";
    }

    private static String local(String service) {
        return "http://127.0.0.1:" + ServicePorts.of(service);
    }
}
