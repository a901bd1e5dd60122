package io.askflow.platform.database;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Does for this service's schema what PostgreSQL's autovacuum would, while the server's autovacuum is off.
 * <p>
 * Camunda's runtime tables, the outbox and the inboxes take an insert and a delete or update per event: without
 * vacuum their dead rows pile up, and without analyze the planner keeps guessing their size. Measured on a server
 * with autovacuum off (issue 12): after a few thousand questions a message correlation took 4 ms instead of 0.1, and
 * after an ANALYZE of the then-empty tables 150 ms. Autovacuum's own defaults decide which tables are due (dead rows
 * over 50 + 20 % of the table, changes since the last analyze over 50 + 10 %). With autovacuum on, as on any
 * server configured for production, this does nothing.
 */
public class StandInAutovacuum {

    private static final Logger log = LoggerFactory.getLogger(StandInAutovacuum.class);

    private final JdbcClient jdbc;
    private final String schema;
    private final AtomicBoolean warned = new AtomicBoolean();

    public StandInAutovacuum(JdbcClient jdbc, String schema) {
        this.jdbc = jdbc;
        this.schema = schema;
    }

    /** A table of this schema that autovacuum would vacuum, or only analyze, now. */
    public record DueTable(String name, boolean vacuum) {
    }

    @Scheduled(initialDelayString = "${askflow.db.stand-in-autovacuum.interval}",
            fixedDelayString = "${askflow.db.stand-in-autovacuum.interval}")
    void standInWhileAutovacuumIsOff() {
        // asked each time: an operator may turn autovacuum on (or off) with a reload, no restart
        if (!serverAutovacuumOff()) {
            return;
        }
        if (warned.compareAndSet(false, true)) {
            log.warn("PostgreSQL's autovacuum is off on this server: this service vacuums and analyzes its own "
                    + "schema '{}' instead (askflow.db.stand-in-autovacuum)", schema);
        }
        upkeep();
    }

    /** Whether the server's autovacuum is off. */
    public boolean serverAutovacuumOff() {
        return "off".equals(jdbc.sql("select current_setting('autovacuum')").query(String.class).single());
    }

    /** Vacuums or analyzes each table that is due; a table another instance is working on is skipped this time. */
    public List<DueTable> upkeep() {
        List<DueTable> due = dueTables();
        for (DueTable table : due) {
            String name = quote(schema) + "." + quote(table.name());
            // SKIP_LOCKED: another instance of this service vacuuming the same table is enough
            jdbc.sql((table.vacuum() ? "vacuum (skip_locked, analyze) " : "analyze (skip_locked) ") + name).update();
            log.debug("{} {}", table.vacuum() ? "vacuumed and analyzed" : "analyzed", name);
        }
        return due;
    }

    /** The tables due, by autovacuum's default thresholds. */
    public List<DueTable> dueTables() {
        return jdbc.sql("""
                        select s.relname,
                               s.n_dead_tup > 50 + 0.2 * greatest(c.reltuples, 0) as vacuum
                        from pg_stat_user_tables s join pg_class c on c.oid = s.relid
                        where s.schemaname = ?
                          and (s.n_dead_tup > 50 + 0.2 * greatest(c.reltuples, 0)
                               or s.n_mod_since_analyze > 50 + 0.1 * greatest(c.reltuples, 0))
                        order by s.relname
                        """)
                .param(schema)
                .query((rs, row) -> new DueTable(rs.getString(1), rs.getBoolean(2)))
                .list();
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
