package io.askflow.reply.doctor;

import io.askflow.events.Specialty;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Set;

/**
 * What an admin enters for a doctor (and what the demo seeder uses).
 *
 * @param password blank when editing: keep the current one
 * @param active   absent (an unticked checkbox) means inactive
 */
public record DoctorForm(
        @NotBlank @Size(max = 64) @Pattern(regexp = "[a-z0-9._-]+", message = "lower-case letters, digits, . _ -")
        String username,
        @NotBlank @Size(max = 100) String displayName,
        @NotBlank @Email @Size(max = 200) String email,
        @Size(max = 200) String password,
        @NotEmpty(message = "choose at least one specialty") Set<Specialty> specialties,
        Role role,
        Boolean active) {

    public DoctorForm {
        specialties = specialties == null ? Set.of() : Set.copyOf(specialties);
        role = role == null ? Role.DOCTOR : role;
        active = Boolean.TRUE.equals(active);
    }

    static DoctorForm of(Doctor doctor) {
        return new DoctorForm(doctor.username(), doctor.displayName(), doctor.email(), "", doctor.specialties(),
                doctor.role(), doctor.active());
    }
}
