package io.askflow.workflow.routing;

import io.askflow.events.RoutedBy;
import io.askflow.events.Specialty;
import io.askflow.workflow.routing.classifier.Suggestion;

/**
 * @param specialty    the classifier's suggestion as a {@link Specialty} constant ({@code GENERAL_MEDICINE} when
 *                     nothing matched); {@code Specialty.fromNameOrSlug} reads it
 * @param slug         its URL form, e.g. {@code gastroenterology-hepatology}
 * @param name         its display name, e.g. {@code Gastroenterology & Hepatology}
 * @param confidence   0..1, three decimals
 * @param wouldRouteTo where routing would send the question without a patient choice (a Specialty constant)
 * @param routedBy     the rule that would decide: CLASSIFIER (confident enough) or RULE (General Medicine triage)
 */
record SuggestionResponse(String specialty, String slug, String name, double confidence, String wouldRouteTo,
                          RoutedBy routedBy) {

    static SuggestionResponse of(Suggestion suggestion, RoutingOutcome outcome) {
        Specialty suggested = suggestion.specialty();
        return new SuggestionResponse(suggested.name(), suggested.slug(), suggested.displayName(),
                Math.round(suggestion.confidence() * 1000) / 1000.0, outcome.specialty().name(), outcome.routedBy());
    }
}
