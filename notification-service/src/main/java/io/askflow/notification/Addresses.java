package io.askflow.notification;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Masks email addresses, so the delivery log, errors and logs never show one in full. */
public final class Addresses {

    private static final Pattern EMAIL = Pattern.compile("([^\\s<>\"'@,;:()\\[\\]]+)@([A-Za-z0-9.-]+)");

    /** {@code mei.lin@example.org} becomes {@code m***@example.org}. */
    public static String mask(String address) {
        if (address == null || address.isBlank()) {
            return address;
        }
        int at = address.lastIndexOf('@');
        if (at <= 0) {
            return "***";
        }
        return address.charAt(0) + "***" + address.substring(at);
    }

    /** Masks every address inside a text, e.g. an SMTP server's reply that quotes the recipient. */
    public static String maskAll(String text) {
        if (text == null) {
            return null;
        }
        Matcher matcher = EMAIL.matcher(text);
        StringBuilder masked = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(masked, Matcher.quoteReplacement(mask(matcher.group())));
        }
        matcher.appendTail(masked);
        return masked.toString();
    }

    private Addresses() {
    }
}
