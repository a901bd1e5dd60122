package io.askflow.reply.doctor;

import io.askflow.events.Specialty;
import java.util.Set;
import java.util.UUID;

/**
 * A doctor as reply-service knows them.
 *
 * @param displayName how patients see the doctor, e.g. "Dr. Ye"
 * @param specialties the queues the doctor works; a doctor may have several
 */
public record Doctor(UUID id, String username, String displayName, String email, Set<Specialty> specialties,
                     Role role, boolean active) {

    public Doctor {
        specialties = Set.copyOf(specialties);
    }

    /** Whether this doctor may see and act on questions of the specialty. */
    public boolean covers(Specialty specialty) {
        return active && specialty != null && specialties.contains(specialty);
    }
}
