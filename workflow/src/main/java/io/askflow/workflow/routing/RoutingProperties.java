package io.askflow.workflow.routing;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How routing trusts the text classifier.
 *
 * @param classifierThreshold the confidence (0..1) from which routing follows the classifier's suggestion instead
 *                            of sending the question to General Medicine triage; chosen on the classifier's tune
 *                            split (see SpecialtyClassifierEvaluationTest)
 */
@ConfigurationProperties("askflow.routing")
public record RoutingProperties(Double classifierThreshold) {

    public RoutingProperties {
        classifierThreshold = classifierThreshold == null ? 0.5 : classifierThreshold;
        if (!(classifierThreshold >= 0 && classifierThreshold <= 1)) {
            throw new IllegalArgumentException(
                    "askflow.routing.classifier-threshold must be within 0..1, was " + classifierThreshold);
        }
    }
}
