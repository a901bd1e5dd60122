package io.askflow.question;

import io.askflow.events.Step;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** One dated step of a question's life, as the workflow reported it. */
public record TimelineStep(Step step, Instant at) {

    /** Date order; steps of the same instant in their natural order (CLAIMED before RELEASED). */
    public static final Comparator<TimelineStep> CHRONOLOGICAL =
            Comparator.comparing(TimelineStep::at).thenComparing(TimelineStep::step);

    /** Deadlines and failures are dated but do not change where the question stands. */
    private static final Set<Step> NOT_A_STATUS = EnumSet.of(Step.REMINDED, Step.OVERDUE, Step.ESCALATED, Step.FAILED);

    /** Where a question stands after these steps: its latest step that is a status, else ASKED. */
    public static Step statusAfter(List<TimelineStep> steps) {
        return steps.stream()
                .filter(s -> !NOT_A_STATUS.contains(s.step()))
                .max(CHRONOLOGICAL)
                .map(TimelineStep::step)
                .orElse(Step.ASKED);
    }
}
