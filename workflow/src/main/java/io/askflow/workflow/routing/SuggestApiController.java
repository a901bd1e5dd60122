package io.askflow.workflow.routing;

import io.askflow.workflow.routing.classifier.SpecialtyClassifier;
import io.askflow.workflow.routing.classifier.Suggestion;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import org.springframework.http.MediaType;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The classifier and the routing rule for the ask form, while the patient types; reads nothing, stores nothing. */
@RestController
class SuggestApiController {

    private final SpecialtyClassifier classifier;
    private final RoutingRule rule;
    private final RoutingProperties properties;

    SuggestApiController(SpecialtyClassifier classifier, RoutingRule rule, RoutingProperties properties) {
        this.classifier = classifier;
        this.rule = rule;
        this.properties = properties;
    }

    @InitBinder("suggestionRequest")
    void validator(WebDataBinder binder) {
        binder.addValidators(new SuggestionRequestValidator());
    }

    @Operation(summary = "Suggest a specialty for a question's title and body",
            description = "The classifier's specialty and confidence, and where routing would send the question "
                    + "if the patient chose no specialty. Title up to 150, body up to 5000 characters.")
    @ApiResponse(responseCode = "200", description = "The suggestion")
    @ApiResponse(responseCode = "400", description = "Both title and body blank, or one of them too long")
    @GetMapping("/api/routing/suggest")
    SuggestionResponse suggest(@Valid SuggestionRequest suggestionRequest) {
        return suggestionFor(suggestionRequest);
    }

    @Operation(summary = "The same as GET, for texts too long to put in a URL")
    @PostMapping(path = "/api/routing/suggest", consumes = MediaType.APPLICATION_JSON_VALUE)
    SuggestionResponse suggestFromBody(@Valid @RequestBody SuggestionRequest suggestionRequest) {
        return suggestionFor(suggestionRequest);
    }

    private SuggestionResponse suggestionFor(SuggestionRequest request) {
        Suggestion suggestion = classifier.suggest(request.title(), request.body());
        return SuggestionResponse.of(suggestion,
                rule.route(null, suggestion, properties.classifierThreshold()));
    }
}
