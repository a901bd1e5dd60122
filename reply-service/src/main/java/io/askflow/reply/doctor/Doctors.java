package io.askflow.reply.doctor;

import io.askflow.events.Specialty;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The doctor table and its specialties. */
@Repository
public class Doctors {

    private static final String SELECT = """
            select d.id, d.username, d.display_name, d.email, d.password_hash, d.role, d.active,
                   array(select s.specialty from doctor_specialty s where s.doctor_id = d.id order by s.specialty)
                       as specialties
            from doctor d
            """;

    private final JdbcTemplate jdbc;

    Doctors(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Doctor> findById(UUID id) {
        return jdbc.query(SELECT + " where d.id = ?", (rs, n) -> doctor(rs), id).stream().findFirst();
    }

    /**
     * The logged-in person as they are in the database now (specialties, active). The operator and deactivated
     * doctors cover no specialty.
     */
    public Doctor current(DoctorAccount account) {
        return findById(account.id()).filter(Doctor::active)
                .orElseGet(() -> new Doctor(account.id(), account.getUsername(), account.displayName(), "",
                        Set.of(), account.isAdmin() ? Role.ADMIN : Role.DOCTOR, false));
    }

    public List<Doctor> findAll() {
        return jdbc.query(SELECT + " order by d.display_name", (rs, n) -> doctor(rs));
    }

    /** The doctor and their password hash, for login. */
    Optional<Credentials> findCredentials(String username) {
        return jdbc.query(SELECT + " where d.username = ?",
                (rs, n) -> new Credentials(doctor(rs), rs.getString("password_hash")), username).stream().findFirst();
    }

    /** Inserts the doctor unless the username is taken; {@code false} if it was (so seeding can run twice). */
    boolean insertIfAbsent(Doctor doctor, String passwordHash) {
        int inserted = jdbc.update("""
                insert into doctor (id, username, display_name, email, password_hash, role, active)
                values (?, ?, ?, ?, ?, ?, ?) on conflict (username) do nothing
                """, doctor.id(), doctor.username(), doctor.displayName(), doctor.email(), passwordHash,
                doctor.role().name(), doctor.active());
        if (inserted == 1) {
            replaceSpecialties(doctor.id(), doctor.specialties());
        }
        return inserted == 1;
    }

    /** Updates everything but the username; a {@code null} hash keeps the password. */
    void update(Doctor doctor, String passwordHashOrNull) {
        jdbc.update("""
                update doctor set display_name = ?, email = ?, role = ?, active = ?,
                                  password_hash = coalesce(?, password_hash), updated_at = now()
                where id = ?
                """, doctor.displayName(), doctor.email(), doctor.role().name(), doctor.active(), passwordHashOrNull,
                doctor.id());
        replaceSpecialties(doctor.id(), doctor.specialties());
    }

    private void replaceSpecialties(UUID doctorId, Set<Specialty> specialties) {
        jdbc.update("delete from doctor_specialty where doctor_id = ?", doctorId);
        jdbc.batchUpdate("insert into doctor_specialty (doctor_id, specialty) values (?, ?)",
                specialties.stream().map(s -> new Object[] {doctorId, s.name()}).toList());
    }

    private static Doctor doctor(ResultSet rs) throws SQLException {
        return new Doctor(rs.getObject("id", UUID.class), rs.getString("username"), rs.getString("display_name"),
                rs.getString("email"), specialties(rs.getArray("specialties")), Role.valueOf(rs.getString("role")),
                rs.getBoolean("active"));
    }

    private static Set<Specialty> specialties(Array array) throws SQLException {
        Set<Specialty> specialties = EnumSet.noneOf(Specialty.class);
        Arrays.stream((String[]) array.getArray()).map(Specialty::valueOf).forEach(specialties::add);
        return specialties;
    }

    record Credentials(Doctor doctor, String passwordHash) {
    }
}
