package io.askflow.reply.queue;

import io.askflow.events.Specialty;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * A digest per specialty of what doctors' queue pages show (which questions are open or claimed, by whom, routed
 * when): it changes whenever a question arrives, is claimed, released, answered, re-routed or withdrawn, whichever
 * instance made the change. Reads committed rows through the partial status indexes.
 */
@Repository
class QueueDigests {

    private final JdbcClient jdbc;

    QueueDigests(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Map<Specialty, String> bySpecialty() {
        Map<Specialty, String> digests = new EnumMap<>(Specialty.class);
        jdbc.sql("""
                select specialty, count(*) as items,
                       sum(hashtextextended(question_id::text || status || coalesce(claimed_by::text, '')
                                            || coalesce(routed_at::text, '') || priority, 0)) as digest
                from queue_item
                where status in ('OPEN', 'CLAIMED') and title is not null and specialty is not null
                group by specialty
                """).query(rs -> {
            digests.put(Specialty.valueOf(rs.getString("specialty")),
                    rs.getLong("items") + ":" + rs.getBigDecimal("digest"));
        });
        return digests;
    }
}
