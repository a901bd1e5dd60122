package io.askflow.question.lookup;

import io.askflow.events.Specialty;
import io.askflow.platform.ServiceLinks;
import io.askflow.platform.web.Lookups;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * enrichment-service's read-only lookups: similar answers for the ask form and FAQ pages. When it is slow or
 * down the answer is empty: the form and pages work without it.
 */
@Component
public class EnrichmentLookup {

    private static final Logger log = LoggerFactory.getLogger(EnrichmentLookup.class);

    private final RestClient enrichment;

    EnrichmentLookup(RestClient.Builder builder,
                     ServiceLinks links) {
        this.enrichment = Lookups.client(builder, links.enrichmentUrl(), links.lookupTimeout());
    }

    /** What enrichment-service's {@code /api/similar} returns; fields we do not show are ignored. */
    private record Similar(String id, String kind, String title, String snippet, String url, String source,
                           Specialty specialty) {
    }

    /** Up to {@code limit} earlier answers similar to the text; none when enrichment-service does not answer. */
    public List<SimilarAnswer> similar(String text, int limit) {
        try {
            List<Similar> found = enrichment.get()
                    .uri(uri -> uri.path("/api/similar").queryParam("q", text).queryParam("limit", limit).build())
                    .retrieve()
                    .body(new ParameterizedTypeReference<List<Similar>>() { });
            return found == null ? List.of() : found.stream().filter(Objects::nonNull)
                    .filter(s -> s.title() != null && !s.title().isBlank())
                    .limit(limit)
                    .map(s -> new SimilarAnswer(s.kind(), s.title(), s.snippet(), WebLinks.orNull(s.url()), s.source(),
                            s.specialty() == null ? null : s.specialty().displayName()))
                    .toList();
        } catch (RestClientException e) {
            log.debug("No similar answers from enrichment-service: {}", e.getMessage());
            return List.of();
        }
    }

    /** The FAQ topic, or empty when there is none or enrichment-service does not answer. */
    public Optional<FaqPage> faq(Specialty specialty, String slug) {
        try {
            return Optional.ofNullable(enrichment.get()
                    .uri("/api/faq/{specialty}/{slug}", specialty.slug(), slug)
                    .retrieve()
                    .body(FaqPage.class));
        } catch (HttpClientErrorException.NotFound e) {
            return Optional.empty();
        } catch (RestClientException e) {
            log.warn("FAQ page {}/{} unavailable from enrichment-service: {}", specialty.slug(), slug, e.getMessage());
            return Optional.empty();
        }
    }
}
