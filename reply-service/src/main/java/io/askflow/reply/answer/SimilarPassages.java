package io.askflow.reply.answer;

import io.askflow.events.Specialty;
import io.askflow.platform.ServiceLinks;
import io.askflow.platform.web.Lookups;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Knowledge passages and earlier answered questions for the reply box, from enrichment-service's
 * {@code POST /api/similar}. A read-only lookup the page can live without: short timeouts, and an empty list
 * when enrichment is slow or down.
 */
@Component
class SimilarPassages {

    private static final Logger log = LoggerFactory.getLogger(SimilarPassages.class);

    private final RestClient client;
    private final int limit;

    SimilarPassages(RestClient.Builder builder, ServiceLinks links,
                    @Value("${askflow.reply.similar-limit:5}") int limit) {
        this.client = Lookups.client(builder, links.enrichmentUrl(), links.lookupTimeout());
        this.limit = limit;
    }

    /** One passage or question, always shown with its source. */
    record Similar(String id, String kind, String title, String snippet, String url, String source,
                   String specialty, Double score) {
    }

    List<Similar> forQuestion(String title, String body, Specialty specialty) {
        try {
            List<Similar> found = client.post().uri("/api/similar").contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("q", title + "\n" + body, "specialty", specialty.slug(), "limit", limit))
                    .retrieve().body(new ParameterizedTypeReference<List<Similar>>() { });
            return found == null ? List.of() : found;
        } catch (RestClientException e) {
            log.warn("Similar Q&A unavailable, the reply page shows none: {}", e.getMessage());
            return List.of();
        }
    }
}
