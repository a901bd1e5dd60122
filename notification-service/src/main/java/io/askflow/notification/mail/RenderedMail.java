package io.askflow.notification.mail;

/** A mail's subject and its two bodies, as rendered from the templates. */
public record RenderedMail(String subject, String text, String html) {
}
