package io.askflow.workflow.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.askflow.events.RoutedBy;
import io.askflow.events.Specialty;
import io.askflow.workflow.routing.RoutingOutcome;
import io.askflow.workflow.routing.classifier.Suggestion;
import org.junit.jupiter.api.Test;

/** The rules of {@code specialty-routing.dmn}, read from the file the engine deploys. */
class SpecialtyRoutingTableTest {

    private static final double THRESHOLD = 0.5;

    private final SpecialtyRoutingTable table = new SpecialtyRoutingTable();

    @Test
    void thePatientsChoiceWinsOverAConfidentClassifier() {
        assertThat(table.route(Specialty.DERMATOLOGY, new Suggestion(Specialty.NEUROLOGY, 0.95), THRESHOLD))
                .isEqualTo(new RoutingOutcome(Specialty.DERMATOLOGY, RoutedBy.PATIENT));
    }

    @Test
    void withoutAChoiceAConfidentSuggestionIsFollowed() {
        assertThat(table.route(null, new Suggestion(Specialty.NEUROLOGY, 0.8), THRESHOLD))
                .isEqualTo(new RoutingOutcome(Specialty.NEUROLOGY, RoutedBy.CLASSIFIER));
        assertThat(table.route(null, new Suggestion(Specialty.PHARMACY, THRESHOLD), THRESHOLD))
                .as("exactly at the threshold").isEqualTo(new RoutingOutcome(Specialty.PHARMACY, RoutedBy.CLASSIFIER));
    }

    @Test
    void aSuggestionBelowTheThresholdGoesToGeneralMedicineTriage() {
        assertThat(table.route(null, new Suggestion(Specialty.NEUROLOGY, 0.49), THRESHOLD))
                .isEqualTo(new RoutingOutcome(Specialty.GENERAL_MEDICINE, RoutedBy.RULE));
        assertThat(table.route(null, new Suggestion(Specialty.NEUROLOGY, 0.49), 0.4))
                .as("the threshold is an input, not a constant of the table")
                .isEqualTo(new RoutingOutcome(Specialty.NEUROLOGY, RoutedBy.CLASSIFIER));
    }

    @Test
    void nothingMatchedGoesToTriageByTheRuleNotByTheClassifier() {
        assertThat(table.route(null, new Suggestion(Specialty.GENERAL_MEDICINE, 0), 0))
                .isEqualTo(new RoutingOutcome(Specialty.GENERAL_MEDICINE, RoutedBy.RULE));
    }
}
