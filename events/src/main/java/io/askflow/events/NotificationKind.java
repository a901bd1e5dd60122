package io.askflow.events;

/** The emails Askflow sends. */
public enum NotificationKind {
    /** To the patient: question received, with the tracking link. */
    RECEIVED,
    /** To the patient: a doctor replied. Always sent, even to patients who unsubscribed. */
    ANSWERED,
    /** To the patient: the question is overdue. */
    DELAYED,
    /** To the specialty's doctors: a question waits for a claim. */
    REMINDER,
    /** To the patient, who asked for it: the tracking link again. Always sent. */
    TRACKING_LINK;

    /** Whether a patient's unsubscribe covers this kind. */
    public boolean optional() {
        return this == RECEIVED || this == DELAYED;
    }
}
