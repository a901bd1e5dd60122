package io.askflow.notification.request;

import io.askflow.events.DoctorUpdated;
import io.askflow.events.Specialty;
import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** Doctors as reply-service announces them; an older update never overwrites a newer one. */
@Repository
class Doctors {

    private final NamedParameterJdbcTemplate jdbc;

    Doctors(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void update(DoctorUpdated doctor) {
        jdbc.update("""
                insert into doctor (doctor_id, name, email, specialties, active, updated_at)
                values (:doctorId, :name, :email, string_to_array(:specialties, ','), :active, :updatedAt)
                on conflict (doctor_id) do update
                   set name = excluded.name, email = excluded.email, specialties = excluded.specialties,
                       active = excluded.active, updated_at = excluded.updated_at
                 where doctor.updated_at <= excluded.updated_at
                """, new MapSqlParameterSource()
                .addValue("doctorId", doctor.doctorId())
                .addValue("name", doctor.name() == null ? "" : doctor.name())
                .addValue("email", doctor.email())
                .addValue("specialties", doctor.specialties().stream().map(Specialty::name).sorted()
                        .collect(Collectors.joining(",")))
                .addValue("active", doctor.active())
                .addValue("updatedAt", Timestamp.from(doctor.occurredAt())));
    }

    /** The active doctors of a specialty that have an address. */
    List<Doctor> activeIn(Specialty specialty) {
        return jdbc.query("""
                select doctor_id, name, email from doctor
                 where active and :specialty = any (specialties) and coalesce(email, '') <> ''
                 order by doctor_id
                """, new MapSqlParameterSource("specialty", specialty.name()),
                (rs, row) -> new Doctor(rs.getObject("doctor_id", UUID.class), rs.getString("name"),
                        rs.getString("email")));
    }

    record Doctor(UUID id, String name, String email) {

        @Override
        public String toString() {
            return "Doctor[id=" + id + "]";
        }
    }
}
