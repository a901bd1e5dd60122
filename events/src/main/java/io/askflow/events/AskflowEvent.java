package io.askflow.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Every Askflow event: a unique id for deduplication, the instant it happened, and the Kafka key that keeps
 * related events ordered on one partition.
 */
public sealed interface AskflowEvent permits QuestionEvent, DoctorUpdated {

    UUID eventId();

    Instant occurredAt();

    /** The Kafka record key. */
    String key();
}
