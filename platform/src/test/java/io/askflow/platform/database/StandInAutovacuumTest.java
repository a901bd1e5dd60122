package io.askflow.platform.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.askflow.platform.database.StandInAutovacuum.DueTable;
import io.askflow.testsupport.Infrastructure;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

class StandInAutovacuumTest {

    private static final String SCHEMA = "upkeep_test";

    private JdbcClient jdbc;
    private StandInAutovacuum standIn;

    @BeforeEach
    void freshSchema() {
        Infrastructure db = Infrastructure.shared();
        var dataSource = new SingleConnectionDataSource(db.jdbcUrl("public"), db.databaseUser(),
                db.databasePassword(), true);
        jdbc = JdbcClient.create(dataSource);
        jdbc.sql("drop schema if exists " + SCHEMA + " cascade").update();
        jdbc.sql("create schema " + SCHEMA).update();
        jdbc.sql("create table " + SCHEMA + ".churning (id int primary key, payload text)").update();
        jdbc.sql("create table " + SCHEMA + ".quiet (id int primary key)").update();
        jdbc.sql("insert into " + SCHEMA + ".quiet values (1)").update();
        jdbc.sql("analyze " + SCHEMA + ".quiet").update();
        standIn = new StandInAutovacuum(jdbc, SCHEMA);
    }

    @Test
    void vacuumsAndAnalyzesATableWhoseRowsCameAndWent() {
        jdbc.sql("insert into " + SCHEMA + ".churning select i, 'x' from generate_series(1, 2000) i").update();
        jdbc.sql("delete from " + SCHEMA + ".churning").update();
        // the statistics collector reports a backend's counts when its transaction ends, at most once a second
        await().atMost(Duration.ofSeconds(10)).until(() -> deadRows("churning") >= 2000);

        assertThat(standIn.upkeep()).containsExactly(new DueTable("churning", true));

        await().atMost(Duration.ofSeconds(10)).until(() -> deadRows("churning") == 0);
        assertThat(jdbc.sql("select last_vacuum is not null and last_analyze is not null from pg_stat_user_tables "
                        + "where schemaname = ? and relname = 'churning'").param(SCHEMA).query(Boolean.class).single())
                .isTrue();
        assertThat(standIn.dueTables()).isEmpty();
    }

    @Test
    void onlyAnalyzesATableThatGrewWithoutDeadRows() {
        jdbc.sql("insert into " + SCHEMA + ".churning select i, 'x' from generate_series(1, 500) i").update();
        await().atMost(Duration.ofSeconds(10)).until(() -> standIn.dueTables().contains(new DueTable("churning", false)));

        assertThat(standIn.upkeep()).containsExactly(new DueTable("churning", false));

        assertThat(jdbc.sql("select reltuples from pg_class where oid = ?::regclass").param(SCHEMA + ".churning")
                .query(Float.class).single()).isEqualTo(500f);
    }

    @Test
    void readsTheServersAutovacuumSetting() {
        String setting = jdbc.sql("show autovacuum").query(String.class).single();

        assertThat(standIn.serverAutovacuumOff()).isEqualTo(setting.equals("off"));
    }

    private long deadRows(String table) {
        return jdbc.sql("select n_dead_tup from pg_stat_user_tables where schemaname = ? and relname = ?")
                .params(SCHEMA, table).query(Long.class).single();
    }
}
