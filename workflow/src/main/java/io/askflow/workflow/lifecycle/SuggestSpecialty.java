package io.askflow.workflow.lifecycle;

import io.askflow.workflow.lifecycle.Ids.Var;
import io.askflow.workflow.routing.RoutingProperties;
import io.askflow.workflow.routing.classifier.SpecialtyClassifier;
import io.askflow.workflow.routing.classifier.Suggestion;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Asks the text classifier for a specialty, before the routing decision. It runs before the first wait, where the
 * question's body is still at hand as a transient variable; only the small result is kept. Without the body (a
 * process started some other way) it reads the title alone.
 */
@Component("suggestSpecialty")
class SuggestSpecialty implements JavaDelegate {

    private final SpecialtyClassifier classifier;
    private final RoutingProperties properties;

    SuggestSpecialty(SpecialtyClassifier classifier, RoutingProperties properties) {
        this.classifier = classifier;
        this.properties = properties;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Suggestion suggestion = classifier.suggest(ProcessValues.string(execution, Var.TITLE),
                ProcessValues.string(execution, Var.BODY));
        execution.setVariable(Var.SUGGESTED_SPECIALTY, suggestion.specialty().name());
        execution.setVariable(Var.SUGGESTION_CONFIDENCE, suggestion.confidence());
        execution.setVariable(Var.CLASSIFIER_THRESHOLD, properties.classifierThreshold());
    }
}
