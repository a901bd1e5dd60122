package io.askflow.reply.doctor;

import io.askflow.events.DoctorUpdated;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Adds and changes doctors. Every change publishes {@link DoctorUpdated} in the same transaction, so
 * notification-service can remind doctors without reading this schema.
 */
@Service
public class ManageDoctors {

    private static final Logger log = LoggerFactory.getLogger(ManageDoctors.class);

    private final Doctors doctors;
    private final PasswordEncoder passwords;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ManageDoctors(Doctors doctors, PasswordEncoder passwords, ApplicationEventPublisher events, Clock clock) {
        this.doctors = doctors;
        this.passwords = passwords;
        this.events = events;
        this.clock = clock;
    }

    /** Adds the doctor unless the username exists; empty if it did, so seeding is idempotent. */
    @Transactional
    public Optional<Doctor> createIfAbsent(DoctorForm form) {
        if (form.password() == null || form.password().isBlank()) {
            throw new IllegalArgumentException("A new doctor needs a password");
        }
        Doctor doctor = new Doctor(UUID.randomUUID(), form.username(), form.displayName(), form.email(),
                form.specialties(), form.role(), form.active());
        if (!doctors.insertIfAbsent(doctor, passwords.encode(form.password()))) {
            return Optional.empty();
        }
        log.info("Doctor {} added ({}, {})", doctor.username(), doctor.role(), doctor.specialties());
        publish(doctor);
        return Optional.of(doctor);
    }

    @Transactional
    public Doctor update(UUID id, DoctorForm form) {
        Doctor current = doctors.findById(id).orElseThrow(() -> new IllegalArgumentException("No doctor " + id));
        Doctor changed = new Doctor(id, current.username(), form.displayName(), form.email(), form.specialties(),
                form.role(), form.active());
        boolean newPassword = form.password() != null && !form.password().isBlank();
        doctors.update(changed, newPassword ? passwords.encode(form.password()) : null);
        log.info("Doctor {} changed ({}, {}, active={})", changed.username(), changed.role(), changed.specialties(),
                changed.active());
        publish(changed);
        return changed;
    }

    private void publish(Doctor doctor) {
        events.publishEvent(new DoctorUpdated(UUID.randomUUID(), clock.instant(), doctor.id(), doctor.displayName(),
                doctor.email(), doctor.specialties(), doctor.active()));
    }
}
