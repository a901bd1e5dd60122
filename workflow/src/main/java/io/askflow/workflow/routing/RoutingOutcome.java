package io.askflow.workflow.routing;

import io.askflow.events.RoutedBy;
import io.askflow.events.Specialty;
import java.util.Objects;

/** Where routing sends a question and which rule decided (PATIENT, CLASSIFIER or RULE). */
public record RoutingOutcome(Specialty specialty, RoutedBy routedBy) {

    public RoutingOutcome {
        Objects.requireNonNull(specialty, "specialty");
        Objects.requireNonNull(routedBy, "routedBy");
    }
}
