package io.askflow.workflow.lifecycle;

import io.askflow.events.Specialty;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/** The due dates of a question, from its specialty's targets; BPMN timers read it as {@code deadlines}. */
@Component("deadlines")
@EnableConfigurationProperties(LifecycleProperties.class)
public class Deadlines {

    private final LifecycleProperties properties;

    Deadlines(LifecycleProperties properties) {
        this.properties = properties;
    }

    /** ISO-8601, for the enrichment timer. */
    public String enrichmentTimeout() {
        return properties.enrichmentTimeout().toString();
    }

    Instant claimDue(Specialty specialty, Instant routedAt) {
        return routedAt.plus(targets(specialty).map(LifecycleProperties.Targets::claimWithin)
                .orElse(properties.claimWithin()));
    }

    /** Half the claim time. */
    Instant remindAt(Specialty specialty, Instant routedAt) {
        return routedAt.plus(Duration.between(routedAt, claimDue(specialty, routedAt)).dividedBy(2));
    }

    Instant replyDue(Specialty specialty, Instant routedAt) {
        return routedAt.plus(targets(specialty).map(LifecycleProperties.Targets::replyWithin)
                .orElse(properties.replyWithin()));
    }

    Duration enrichmentWait() {
        return properties.enrichmentTimeout();
    }

    private Optional<LifecycleProperties.Targets> targets(Specialty specialty) {
        return Optional.ofNullable(properties.specialties().get(specialty));
    }
}
