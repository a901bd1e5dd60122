package io.askflow.question.lookup;

import io.askflow.events.Specialty;
import io.askflow.platform.ServiceLinks;
import io.askflow.platform.web.Lookups;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/** The workflow's routing suggestion ({@code GET /api/routing/suggest}); nothing when it is slow, down or absent. */
@Component
public class RoutingLookup {

    private static final Logger log = LoggerFactory.getLogger(RoutingLookup.class);

    private final RestClient workflow;

    RoutingLookup(RestClient.Builder builder,
                  ServiceLinks links) {
        this.workflow = Lookups.client(builder, links.workflowUrl(), links.lookupTimeout());
    }

    /** What the workflow answers; {@code wouldRouteTo} is not shown to patients. */
    private record Suggested(String specialty, Double confidence) {
    }

    /** A specialty to offer, unless the classifier has none better than triage. */
    public Optional<SpecialtySuggestion> suggest(String title, String body) {
        try {
            Suggested suggested = workflow.get()
                    .uri(uri -> uri.path("/api/routing/suggest").queryParam("title", title).queryParam("body", body)
                            .build())
                    .retrieve()
                    .body(Suggested.class);
            if (suggested == null || suggested.confidence() == null || suggested.confidence() <= 0) {
                return Optional.empty();
            }
            return Specialty.fromNameOrSlug(suggested.specialty())
                    .filter(specialty -> specialty != Specialty.GENERAL_MEDICINE)
                    .map(specialty -> new SpecialtySuggestion(specialty.slug(), specialty.displayName(),
                            suggested.confidence()));
        } catch (RestClientException e) {
            log.debug("No routing suggestion from the workflow: {}", e.getMessage());
            return Optional.empty();
        }
    }
}
