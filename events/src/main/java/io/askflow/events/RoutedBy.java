package io.askflow.events;

/** Which rule put a question in its queue. */
public enum RoutedBy {
    /** The patient chose the specialty. */
    PATIENT,
    /** The text classifier's suggestion passed its confidence threshold. */
    CLASSIFIER,
    /** A routing rule decided (e.g. nothing placed it: General Medicine). */
    RULE,
    /** A triage doctor sent it on. */
    TRIAGE,
    /** Back in the queue with higher priority after its claim deadline. */
    OVERDUE,
    /** Back in the queue after its reply deadline passed while claimed. */
    ESCALATED
}
