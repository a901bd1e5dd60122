package io.askflow.notification;

/** Where one mail stands. */
public enum DeliveryStatus {
    /** Stored, waiting for its first or next attempt. */
    PENDING,
    /** Claimed by a sender; if the sender dies the claim lapses and the mail is tried again. */
    SENDING,
    /** Accepted by the SMTP server. */
    SENT,
    /** Given up: a permanent failure, or transient failures for longer than the retry window. */
    FAILED,
    /** Not sent: an optional mail (RECEIVED, DELAYED) to a patient who unsubscribed from those. */
    SKIPPED_UNSUBSCRIBED
}
