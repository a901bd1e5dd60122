package io.askflow.question.ask;

import io.askflow.question.lookup.EnrichmentLookup;
import io.askflow.question.lookup.RoutingLookup;
import io.askflow.question.lookup.SimilarAnswer;
import io.askflow.question.lookup.SpecialtySuggestion;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Same-origin lookups for the ask form's script: similar answers while the patient types a title, and the
 * specialty routing would likely choose. Each answers within the lookup timeout, with nothing when the
 * service behind it is slow or down.
 */
@RestController
@Tag(name = "Ask", description = "Patients ask a question")
class AskHintsApiController {

    static final int SIMILAR_LIMIT = 5;
    private static final int MIN_TEXT = 3;
    private static final int MAX_BODY = 1000;

    private final EnrichmentLookup enrichment;
    private final RoutingLookup routing;

    AskHintsApiController(EnrichmentLookup enrichment, RoutingLookup routing) {
        this.enrichment = enrichment;
        this.routing = routing;
    }

    @Operation(summary = "Up to 5 earlier answers similar to a title",
            description = "From enrichment-service's /api/similar; [] when the text is too short or enrichment is "
                    + "unavailable.")
    @GetMapping("/api/similar-questions")
    List<SimilarAnswer> similar(@RequestParam(name = "q", defaultValue = "") String title) {
        String text = cut(title, AskForm.TITLE_MAX);
        return text.length() < MIN_TEXT ? List.of() : enrichment.similar(text, SIMILAR_LIMIT);
    }

    @Operation(summary = "The specialty routing would likely choose",
            description = "From the workflow's /api/routing/suggest; 204 when there is no suggestion or the "
                    + "workflow is unavailable.")
    @GetMapping("/api/specialty-suggestion")
    ResponseEntity<SpecialtySuggestion> suggest(@RequestParam(defaultValue = "") String title,
                                                @RequestParam(defaultValue = "") String body) {
        String t = cut(title, AskForm.TITLE_MAX);
        if (t.length() < MIN_TEXT) {
            return ResponseEntity.noContent().build();
        }
        return routing.suggest(t, cut(body, MAX_BODY)).map(ResponseEntity::ok)
                .orElseGet(() -> ResponseEntity.noContent().build());
    }

    private static String cut(String text, int max) {
        String stripped = text.strip();
        return stripped.codePointCount(0, stripped.length()) <= max ? stripped
                : stripped.substring(0, stripped.offsetByCodePoints(0, max));
    }
}
