package io.askflow.reply.answer;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.askflow.events.Specialty;
import io.askflow.platform.ServiceLinks;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;

/** The lookup against a real HTTP server standing in for enrichment-service's /api/similar. */
class SimilarPassagesTest {

    private HttpServer enrichment;
    private final AtomicReference<String> requestBody = new AtomicReference<>();

    @BeforeEach
    void start() throws IOException {
        enrichment = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        enrichment.createContext("/api/similar", exchange -> {
            requestBody.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] json = """
                    [{"id":"0000001-1","kind":"KNOWLEDGE","title":"Bell's palsy","snippet":"Bell's palsy is a form of
                     facial paralysis","url":"https://medlineplus.gov/bellspalsy.html","source":"MedlinePlus",
                     "specialty":"neurology","score":7.5}]
                    """.replace("\n", " ").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, json.length);
            exchange.getResponseBody().write(json);
            exchange.close();
        });
        enrichment.start();
    }

    @AfterEach
    void stop() {
        enrichment.stop(0);
    }

    @Test
    void readsPassagesWithTheirSource() {
        var similar = new SimilarPassages(RestClient.builder(),
                links("http://127.0.0.1:" + enrichment.getAddress().getPort(), Duration.ofSeconds(2)), 5);

        var found = similar.forQuestion("Face droops", "Left side of my face droops", Specialty.NEUROLOGY);

        assertThat(found).singleElement().satisfies(s -> {
            assertThat(s.title()).isEqualTo("Bell's palsy");
            assertThat(s.source()).isEqualTo("MedlinePlus");
            assertThat(s.kind()).isEqualTo("KNOWLEDGE");
        });
        assertThat(requestBody.get()).contains("\"specialty\":\"neurology\"").contains("Face droops");
    }

    @Test
    void anUnreachableEnrichmentServiceGivesNothingRatherThanAnError() {
        int port = enrichment.getAddress().getPort();
        enrichment.stop(0);
        var similar = new SimilarPassages(RestClient.builder(), links("http://127.0.0.1:" + port, Duration.ofMillis(300)),
                5);

        assertThat(similar.forQuestion("Face droops", "Left side", Specialty.NEUROLOGY)).isEmpty();
    }

    private static ServiceLinks links(String enrichmentUrl, Duration timeout) {
        return new ServiceLinks(null, URI.create(enrichmentUrl), null, timeout);
    }
}
