package io.askflow.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A patient asked for the tracking link of this question to be sent again to the address on file. Carries no
 * address: notification-service has it; the workflow turns this into a TRACKING_LINK mail request.
 */
public record TrackingLinkRequested(UUID eventId, UUID questionId, Instant occurredAt) implements QuestionEvent {

    public TrackingLinkRequested {
        Events.requireIdentity(eventId, questionId, occurredAt);
    }
}
