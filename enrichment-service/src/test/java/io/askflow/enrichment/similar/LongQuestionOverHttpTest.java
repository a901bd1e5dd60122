package io.askflow.enrichment.similar;

import static org.assertj.core.api.Assertions.assertThat;

import io.askflow.testsupport.AskflowIntegrationTest;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Through the real server: a GET with a 5000-character question, percent-encoded, fits the request header. The real
 * server needs an application context of its own, closed after this class: left open, its listeners would take half
 * of the later tests' events as a second instance, whose index learns of other instances' answers only at its next
 * sync (a test expecting a just-answered question among a reply's Similar Q&amp;A failed that way in CI).
 */
@AskflowIntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@DirtiesContext
class LongQuestionOverHttpTest {

    @LocalServerPort int port;

    @Test
    void aFiveThousandCharacterGetIsAnswered() throws Exception {
        String q = "我的腳跟早上很痛 Fußschmerzen? My heel hurts (badly) & \"sharply\" in the morning! ".repeat(100)
                .substring(0, 5000);
        String encoded = URLEncoder.encode(q, StandardCharsets.UTF_8);
        assertThat(encoded.length()).as("longer than Tomcat's default 8 KB header limit").isGreaterThan(8192);
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/similar?q=" + encoded))
                .GET().build();

        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).startsWith("[");
    }
}
