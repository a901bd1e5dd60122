package io.askflow.workflow.lifecycle;

import io.askflow.events.Specialty;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The process's timing.
 *
 * @param enrichmentTimeout how long the process waits for {@code reply.enriched} before it answers without it
 * @param claimWithin       target time from routing to the first claim, unless the specialty has its own
 * @param replyWithin       target time from routing to the reply, unless the specialty has its own
 * @param specialties       per-specialty targets (keys are specialty names or slugs, e.g. {@code neurology})
 */
@ConfigurationProperties("askflow.workflow")
public record LifecycleProperties(Duration enrichmentTimeout, Duration claimWithin, Duration replyWithin,
                                  Map<Specialty, Targets> specialties) {

    public LifecycleProperties {
        enrichmentTimeout = enrichmentTimeout == null ? Duration.ofMinutes(2) : enrichmentTimeout;
        claimWithin = claimWithin == null ? Duration.ofHours(24) : claimWithin;
        replyWithin = replyWithin == null ? Duration.ofHours(72) : replyWithin;
        specialties = specialties == null ? Map.of() : Map.copyOf(specialties);
    }

    /** One specialty's targets; a missing value falls back to the general one. */
    public record Targets(Duration claimWithin, Duration replyWithin) {
    }
}
