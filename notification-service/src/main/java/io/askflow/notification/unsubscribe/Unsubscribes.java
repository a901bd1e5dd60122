package io.askflow.notification.unsubscribe;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
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
        return !coveredAmong(List.of(address)).isEmpty();
    }

    /** The addresses among these whose patients have unsubscribed from optional mail, in one query. */
    public Set<String> coveredAmong(Collection<String> addresses) {
        if (addresses.isEmpty()) {
            return Set.of();
        }
        Map<String, List<String>> byHash = addresses.stream().distinct()
                .collect(Collectors.groupingBy(UnsubscribeLinks::addressHash));
        Set<String> covered = new HashSet<>();
        jdbc.queryForList("select address_hash from unsubscribed_address where address_hash in (:hashes)",
                        new MapSqlParameterSource("hashes", byHash.keySet()), String.class)
                .forEach(hash -> covered.addAll(byHash.get(hash)));
        return covered;
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
