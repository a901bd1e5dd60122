package io.askflow.workflow.timeline;

import io.askflow.events.Step;
import java.time.Instant;

/**
 * One step of a question's life.
 *
 * @param detail why the step happened where that matters (who claimed, why released, an empty enrichment's cause)
 */
public record TimelineEntry(Step step, Instant at, String detail) {
}
