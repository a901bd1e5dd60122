package io.askflow.devstack.smtp;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.askflow.devstack.smtp.CaughtMessage.Mailbox;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The subset of Mailpit's HTTP API (v1) that demo scripts and tests rely on, plus two plain pages for people:
 * <ul>
 *   <li>{@code GET /api/v1/messages?start=&limit=} — summaries, newest first</li>
 *   <li>{@code GET /api/v1/search?query=} — the same, filtered ({@code to:}, {@code from:}, {@code subject:}, words)</li>
 *   <li>{@code DELETE /api/v1/messages} — delete everything</li>
 *   <li>{@code GET /api/v1/message/{ID}} (or {@code latest}) — one message with its Text and HTML bodies</li>
 *   <li>{@code GET /api/v1/message/{ID}/raw} — its source</li>
 *   <li>{@code GET /} and {@code GET /view/{ID}} — a list and a rendered mail, for a browser</li>
 * </ul>
 */
final class MailpitApi implements HttpHandler {

    private static final Pattern MESSAGE = Pattern.compile("/api/v1/message/([^/]+)(/raw)?");
    private static final Pattern VIEW = Pattern.compile("/view/([^/]+?)(\\.html)?");
    private static final Pattern TERM = Pattern.compile("(\\w+):\"([^\"]*)\"|(\\w+):(\\S+)|\"([^\"]*)\"|(\\S+)");

    private final MailStore store;
    private final ObjectMapper json;

    MailpitApi(MailStore store, ObjectMapper json) {
        this.store = store;
        this.json = json;
    }

    record Summary(@JsonProperty("ID") String id, @JsonProperty("MessageID") String messageId,
                   @JsonProperty("Read") boolean read, @JsonProperty("From") Address from,
                   @JsonProperty("To") List<Address> to, @JsonProperty("Cc") List<Address> cc,
                   @JsonProperty("Bcc") List<Address> bcc, @JsonProperty("ReplyTo") List<Address> replyTo,
                   @JsonProperty("Subject") String subject, @JsonProperty("Created") String created,
                   @JsonProperty("Tags") List<String> tags, @JsonProperty("Size") int size,
                   @JsonProperty("Attachments") int attachments, @JsonProperty("Snippet") String snippet) {

        static Summary of(CaughtMessage m) {
            return new Summary(m.id(), m.messageId(), false, Address.of(m.from()), Address.of(m.to()),
                    Address.of(m.cc()), List.of(), Address.of(m.replyTo()), m.subject(), m.created().toString(),
                    List.of(), m.size(), m.attachments(), m.snippet());
        }
    }

    record Listing(long total, long unread, long count, @JsonProperty("messages_count") long messagesCount,
                   @JsonProperty("messages_unread") long messagesUnread, int start, List<String> tags,
                   List<Summary> messages) {
    }

    record Message(@JsonProperty("ID") String id, @JsonProperty("MessageID") String messageId,
                   @JsonProperty("From") Address from, @JsonProperty("To") List<Address> to,
                   @JsonProperty("Cc") List<Address> cc, @JsonProperty("Bcc") List<Address> bcc,
                   @JsonProperty("ReplyTo") List<Address> replyTo, @JsonProperty("Subject") String subject,
                   @JsonProperty("Date") String date, @JsonProperty("Created") String created,
                   @JsonProperty("Tags") List<String> tags, @JsonProperty("Text") String text,
                   @JsonProperty("HTML") String html, @JsonProperty("Size") int size,
                   @JsonProperty("Inline") List<Object> inline, @JsonProperty("Attachments") List<Object> attachments) {

        static Message of(CaughtMessage m) {
            return new Message(m.id(), m.messageId(), Address.of(m.from()), Address.of(m.to()), Address.of(m.cc()),
                    List.of(), Address.of(m.replyTo()), m.subject(), m.date().toString(), m.created().toString(),
                    List.of(), m.text(), m.html(), m.size(), List.of(), List.of());
        }
    }

    record Address(@JsonProperty("Name") String name, @JsonProperty("Address") String address) {
        static Address of(Mailbox m) {
            return new Address(m.name(), m.address());
        }

        static List<Address> of(List<Mailbox> all) {
            return all.stream().map(Address::of).toList();
        }
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            try {
                route(exchange);
            } catch (RuntimeException e) {
                // the caller gets the reason instead of a dropped connection
                send(exchange, 500, "text/plain", String.valueOf(e.getMessage()));
            }
        }
    }

    private void route(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        Matcher message = MESSAGE.matcher(path);
        Matcher view = VIEW.matcher(path);
        if (path.equals("/api/v1/messages") && method.equals("GET")) {
            sendJson(exchange, 200, listing(m -> true, query));
        } else if (path.equals("/api/v1/messages") && method.equals("DELETE")) {
            store.deleteAll();
            send(exchange, 200, "text/plain", "ok");
        } else if (path.equals("/api/v1/search") && method.equals("GET")) {
            sendJson(exchange, 200, listing(matching(query.getOrDefault("query", "")), query));
        } else if (message.matches() && method.equals("GET")) {
            var found = store.find(message.group(1));
            if (found.isEmpty()) {
                send(exchange, 404, "text/plain", "message not found");
            } else if (message.group(2) != null) {
                send(exchange, 200, "text/plain; charset=utf-8", new String(found.get().raw(), StandardCharsets.UTF_8));
            } else {
                sendJson(exchange, 200, Message.of(found.get()));
            }
        } else if (path.equals("/") && method.equals("GET")) {
            send(exchange, 200, "text/html; charset=utf-8", Pages.index(store.all()));
        } else if (view.matches() && method.equals("GET")) {
            var found = store.find(view.group(1));
            if (found.isPresent()) {
                send(exchange, 200, "text/html; charset=utf-8", Pages.view(found.get()));
            } else {
                send(exchange, 404, "text/plain", "message not found");
            }
        } else {
            send(exchange, 404, "text/plain", "not found");
        }
    }

    private Listing listing(Predicate<CaughtMessage> filter, Map<String, String> query) {
        List<CaughtMessage> all = store.all();
        List<CaughtMessage> matching = all.stream().filter(filter).toList();
        int start = Math.max(0, intOr(query.get("start"), 0));
        int limit = Math.max(0, intOr(query.get("limit"), 50));
        List<Summary> page = matching.stream().skip(start).limit(limit).map(Summary::of).toList();
        return new Listing(all.size(), all.size(), page.size(), matching.size(), matching.size(), start, List.of(), page);
    }

    /** Mailpit's search syntax, the useful part: {@code to:}, {@code from:}, {@code subject:} and free words. */
    static Predicate<CaughtMessage> matching(String search) {
        List<Predicate<CaughtMessage>> terms = new ArrayList<>();
        Matcher term = TERM.matcher(search);
        while (term.find()) {
            String field = term.group(1) != null ? term.group(1) : term.group(3);
            String value = (term.group(2) != null ? term.group(2) : term.group(4) != null ? term.group(4)
                    : term.group(5) != null ? term.group(5) : term.group(6)).toLowerCase(Locale.ROOT);
            if (field == null) {
                terms.add(m -> (m.subject() + "\n" + m.text() + "\n" + m.html()).toLowerCase(Locale.ROOT).contains(value));
            } else {
                terms.add(switch (field.toLowerCase(Locale.ROOT)) {
                    case "to" -> m -> m.isFor(value);
                    case "from" -> m -> m.from().address().toLowerCase(Locale.ROOT).contains(value);
                    case "subject" -> m -> m.subject().toLowerCase(Locale.ROOT).contains(value);
                    default -> m -> false;
                });
            }
        }
        return terms.stream().reduce(m -> true, Predicate::and);
    }

    private void sendJson(HttpExchange exchange, int status, Object body) throws IOException {
        send(exchange, status, "application/json", json.writeValueAsString(body));
    }

    private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> params = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return params;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.put(key, value);
        }
        return params;
    }

    private static int intOr(String text, int fallback) {
        try {
            return text == null ? fallback : Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
