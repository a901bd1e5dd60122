package io.askflow.workflow.lifecycle;

import io.askflow.events.RoutedBy;
import io.askflow.events.Specialty;
import io.askflow.workflow.lifecycle.Ids.Var;
import io.askflow.workflow.routing.RoutingOutcome;
import io.askflow.workflow.routing.RoutingRule;
import io.askflow.workflow.routing.classifier.Suggestion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * The DMN {@code specialty-routing}, the very file the engine deploys, evaluated in memory for callers outside a
 * process (the ask form's suggestions, many per question): no database round trip and no decision history, which
 * the engine would write for every evaluation. The process evaluates it in its business rule task.
 */
@Component
class SpecialtyRoutingTable implements RoutingRule {

    static final String RESOURCE = "/dmn/specialty-routing.dmn";

    private final DmnEngine dmn;
    private final DmnDecision decision;

    SpecialtyRoutingTable() {
        this.dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream model = SpecialtyRoutingTable.class.getResourceAsStream(RESOURCE)) {
            if (model == null) {
                throw new IllegalStateException("no decision at classpath:" + RESOURCE);
            }
            this.decision = dmn.parseDecision(Ids.DECISION, model);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read classpath:" + RESOURCE, e);
        }
    }

    @Override
    public RoutingOutcome route(Specialty requested, Suggestion suggestion, double threshold) {
        VariableMap inputs = Variables.createVariables()
                .putValue(Var.REQUESTED_SPECIALTY, requested == null ? null : requested.name())
                .putValue(Var.SUGGESTED_SPECIALTY, suggestion.specialty().name())
                .putValue(Var.SUGGESTION_CONFIDENCE, suggestion.confidence())
                .putValue(Var.CLASSIFIER_THRESHOLD, threshold);
        DmnDecisionRuleResult result = dmn.evaluateDecisionTable(decision, inputs).getSingleResult();
        return new RoutingOutcome(Specialty.valueOf(result.getEntry(Var.SPECIALTY)),
                RoutedBy.valueOf(result.getEntry(Var.ROUTED_BY)));
    }
}
