package io.askflow.workflow.routing;

import io.askflow.workflow.routing.classifier.SpecialtyClassifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RoutingProperties.class)
class RoutingConfiguration {

    /** Read once at start-up; a broken keyword file stops the service rather than routing everything to triage. */
    @Bean
    SpecialtyClassifier specialtyClassifier() {
        return SpecialtyClassifier.fromClasspath();
    }
}
