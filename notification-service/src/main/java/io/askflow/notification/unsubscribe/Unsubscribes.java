package io.askflow.notification.unsubscribe;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** The addresses whose patients unsubscribed from optional mail, kept as hashes. */
@Repository
public class Unsubscribes {

    private final NamedParameterJdbcTemplate jdbc;

    Unsubscribes(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether the patient with this address has unsubscribed from optional mail. */
    public boolean covers(String address) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from unsubscribed_address where address_hash = :hash)",
                new MapSqlParameterSource("hash", UnsubscribeLinks.addressHash(address)), Boolean.class));
    }

    /** Records the unsubscribe; {@code false} if this address had unsubscribed before. */
    boolean add(String address, UUID questionId, Instant now) {
        return jdbc.update("""
                insert into unsubscribed_address (address_hash, question_id, unsubscribed_at)
                values (:hash, :questionId, :now)
                on conflict (address_hash) do nothing
                """, new MapSqlParameterSource()
                .addValue("hash", UnsubscribeLinks.addressHash(address))
                .addValue("questionId", questionId)
                .addValue("now", Timestamp.from(now))) == 1;
    }

    /** The address the mails about this question go to. */
    Optional<String> addressOf(UUID questionId) {
        return jdbc.queryForList("select email from question_contact where question_id = :questionId",
                new MapSqlParameterSource("questionId", questionId), String.class).stream().findFirst();
    }
}
