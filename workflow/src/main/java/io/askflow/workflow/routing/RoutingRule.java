package io.askflow.workflow.routing;

import io.askflow.events.Specialty;
import io.askflow.workflow.routing.classifier.Suggestion;

/**
 * The routing rule: where a question goes and which rule decided. The process evaluates the same rule (the DMN
 * {@code specialty-routing}) in its business rule task; this is that rule for callers outside a process.
 */
public interface RoutingRule {

    /**
     * @param requested the patient's choice, or {@code null}
     * @param threshold the classifier confidence from which its suggestion is followed
     */
    RoutingOutcome route(Specialty requested, Suggestion suggestion, double threshold);
}
