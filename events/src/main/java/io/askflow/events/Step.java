package io.askflow.events;

/** The dated steps of a question's life. The first six happen to every answered question, in this order. */
public enum Step {
    ASKED, ROUTED, CLAIMED, REPLIED, ENRICHED, NOTIFIED,
    REMINDED, OVERDUE, ESCALATED, RELEASED, REROUTED, FAILED, WITHDRAWN
}
