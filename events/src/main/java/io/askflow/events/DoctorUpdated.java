package io.askflow.events;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/** A doctor was added or changed, so reminders reach doctors without reading reply-service's tables. */
public record DoctorUpdated(UUID eventId, Instant occurredAt, UUID doctorId, String name, String email,
                            Set<Specialty> specialties, boolean active) implements AskflowEvent {

    public DoctorUpdated {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(doctorId, "doctorId");
        specialties = specialties == null ? Set.of() : Set.copyOf(specialties);
    }

    @Override
    public String key() {
        return doctorId.toString();
    }

    @Override
    public String toString() {
        return "DoctorUpdated[eventId=" + eventId + ", doctorId=" + doctorId + ", active=" + active + "]";
    }
}
