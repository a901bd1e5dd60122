package io.askflow.devstack.smtp;

import java.util.List;
import java.util.stream.Collectors;

/** Two bare pages so a person can read the caught mail in a browser during the demo. */
final class Pages {

    private Pages() {
    }

    static String index(List<CaughtMessage> messages) {
        String rows = messages.stream().map(m -> "<tr><td>" + escape(m.created().toString()) + "</td><td>"
                        + escape(m.to().stream().map(CaughtMessage.Mailbox::address).collect(Collectors.joining(", ")))
                        + "</td><td><a href=\"/view/" + escape(m.id()) + "\">" + escape(m.subject()) + "</a></td></tr>")
                .collect(Collectors.joining("\n"));
        return page("Caught mail (" + messages.size() + ")",
                "<p>Askflow dev stack SMTP catcher. JSON: <a href=\"/api/v1/messages\">/api/v1/messages</a></p>"
                        + "<table><tr><th>Received</th><th>To</th><th>Subject</th></tr>\n" + rows + "</table>");
    }

    /** The HTML body as sent; a text-only mail in a {@code <pre>}. */
    static String view(CaughtMessage message) {
        if (!message.html().isBlank()) {
            return message.html();
        }
        return page(message.subject(), "<p><a href=\"/\">All mail</a></p><pre>" + escape(message.text()) + "</pre>");
    }

    private static String page(String title, String body) {
        return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>" + escape(title)
                + "</title><style>body{font-family:sans-serif;margin:2em}td,th{padding:.3em .8em;text-align:left}</style>"
                + "</head><body><h1>" + escape(title) + "</h1>" + body + "</body></html>";
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
