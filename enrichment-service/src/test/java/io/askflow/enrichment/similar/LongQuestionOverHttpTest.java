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

/** Through the real server: a GET with a 5000-character question, percent-encoded, fits the request header. */
@AskflowIntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
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
