package io.askflow.devstack.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Real SMTP in (Jakarta Mail), real HTTP out, on free ports. */
class SmtpCatcherTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private SmtpCatcher catcher;

    @BeforeEach
    void start() {
        catcher = SmtpCatcher.start("127.0.0.1", 0, "127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        catcher.close();
    }

    @Test
    void listsCaughtMailInMailpitsShape() throws Exception {
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String patient = "patient-" + UUID.randomUUID() + "@example.org";
        send(patient, "Your question has been answered", "Dr. Ye replied: rest and see a neurologist.",
                "<p>Dr. Ye replied: <b>rest</b> and see a neurologist.</p>");

        JsonNode listing = getJson("/api/v1/messages");

        assertThat(listing.path("total").asInt()).isEqualTo(1);
        assertThat(listing.path("messages_count").asInt()).isEqualTo(1);
        JsonNode message = listing.path("messages").get(0);
        assertThat(message.path("ID").asText()).isNotBlank();
        assertThat(message.path("To").get(0).path("Address").asText()).isEqualTo(patient);
        assertThat(message.path("From").path("Address").asText()).isEqualTo("no-reply@askflow.test");
        assertThat(message.path("Subject").asText()).isEqualTo("Your question has been answered");
        assertThat(Instant.parse(message.path("Created").asText())).isAfterOrEqualTo(before);
        assertThat(message.path("Snippet").asText()).startsWith("Dr. Ye replied: rest");
    }

    @Test
    void showsOneMessageWithItsTextAndHtmlBodies() throws Exception {
        send("reader@example.org", "Bodies", "plain words", "<p>html words</p>");
        String id = getJson("/api/v1/messages").path("messages").get(0).path("ID").asText();

        JsonNode message = getJson("/api/v1/message/" + id);

        assertThat(message.path("ID").asText()).isEqualTo(id);
        assertThat(message.path("Text").asText()).contains("plain words");
        assertThat(message.path("HTML").asText()).contains("<p>html words</p>");
        assertThat(get("/api/v1/message/no-such-id").statusCode()).isEqualTo(404);
        assertThat(get("/view/" + id).body()).contains("<p>html words</p>");
    }

    @Test
    void showsOneMessagePerDeliveryNewestFirstAndSearchesByRecipient() throws Exception {
        send(new String[] {"one@example.org", "two@example.org"}, "First", "to both", null);
        send(new String[] {"two@example.org"}, "Second", "to two only", null);

        JsonNode all = getJson("/api/v1/messages");
        JsonNode toOne = getJson("/api/v1/search?query=" + URLEncoder.encode("to:one@example.org", StandardCharsets.UTF_8));

        assertThat(all.path("messages")).extracting(m -> m.path("Subject").asText()).containsExactly("Second", "First");
        assertThat(all.path("messages").get(1).path("To")).hasSize(2);
        assertThat(toOne.path("messages")).extracting(m -> m.path("Subject").asText()).containsExactly("First");
    }

    @Test
    void deletesAllMessages() throws Exception {
        send("gone@example.org", "Soon gone", "bye", null);

        HttpResponse<String> deleted = http.send(HttpRequest.newBuilder(api("/api/v1/messages")).DELETE().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(deleted.statusCode()).isEqualTo(200);
        assertThat(getJson("/api/v1/messages").path("messages")).isEmpty();
    }

    private void send(String to, String subject, String text, String html) throws MessagingException {
        send(new String[] {to}, subject, text, html);
    }

    private void send(String[] to, String subject, String text, String html) throws MessagingException {
        Properties props = new Properties();
        props.put("mail.smtp.host", "127.0.0.1");
        props.put("mail.smtp.port", String.valueOf(catcher.smtpPort()));
        MimeMessage message = new MimeMessage(Session.getInstance(props));
        message.setFrom(new InternetAddress("no-reply@askflow.test"));
        for (String address : to) {
            message.addRecipient(RecipientType.TO, new InternetAddress(address));
        }
        message.setSubject(subject);
        if (html == null) {
            message.setText(text, "UTF-8");
        } else {
            MimeMultipart alternative = new MimeMultipart("alternative");
            MimeBodyPart plain = new MimeBodyPart();
            plain.setText(text, "UTF-8");
            MimeBodyPart rich = new MimeBodyPart();
            rich.setContent(html, "text/html; charset=UTF-8");
            alternative.addBodyPart(plain);
            alternative.addBodyPart(rich);
            message.setContent(alternative);
        }
        Transport.send(message);
    }

    private JsonNode getJson(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        return json.readTree(response.body());
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(api(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI api(String path) {
        return URI.create("http://127.0.0.1:" + catcher.apiPort() + path);
    }
}
