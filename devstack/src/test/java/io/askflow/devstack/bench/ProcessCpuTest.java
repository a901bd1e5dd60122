package io.askflow.devstack.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.askflow.testsupport.Infrastructure;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessCpuTest {

    @Test
    void readsThisJvmAndCountsTheCpuItBurns() {
        ProcessCpu cpu = linux();
        long self = ProcessHandle.current().pid();
        Optional<ProcessCpu.Reading> before = cpu.process(self);

        burnCpuMillis(400);

        Optional<ProcessCpu.Reading> after = cpu.process(self);
        assertThat(before).isPresent();
        assertThat(after.orElseThrow().identity()).isEqualTo(before.orElseThrow().identity());
        // the ticks are 10 ms; other threads of this JVM only add to it
        assertThat(cpu.millisBetween(before, after)).hasValueSatisfying(ms -> assertThat(ms).isGreaterThanOrEqualTo(350));
    }

    @Test
    void anotherProcessOrOneThatEndedDoesNotCompare() throws Exception {
        ProcessCpu cpu = linux();
        Process sleeper = new ProcessBuilder("sleep", "60").start();
        Optional<ProcessCpu.Reading> running = cpu.process(sleeper.pid());
        sleeper.destroy();
        sleeper.waitFor();

        assertThat(running).isPresent();
        assertThat(cpu.process(sleeper.pid())).isEmpty();
        assertThat(cpu.millisBetween(running, cpu.process(sleeper.pid()))).isEmpty();
        assertThat(cpu.millisBetween(running, cpu.process(ProcessHandle.current().pid()))).isEmpty();
    }

    @Test
    void readsACommandNameWithSpacesAndParentheses() {
        ProcessCpu.Stat stat = ProcessCpu.Stat.parse(
                "4242 (odd) name (x)) S 17 4242 4242 0 -1 4194304 5911 98199 0 15 6 25 197 182 20 0 1 0 4846 2224 7397");

        assertThat(stat).isEqualTo(new ProcessCpu.Stat(4242, "odd) name (x)", 17, 31, 379, 4846));
    }

    @Test
    void sumsEachPostmasterWithItsLiveBackendsAndTheTimeOfThoseThatExited(@TempDir Path proc) throws IOException {
        stat(proc, 100, "postgres", 1, 5, 5, 20, 10);          // postmaster: 10 own, 30 of exited backends
        stat(proc, 101, "postgres", 100, 7, 3, 0, 0);          // a live backend
        stat(proc, 200, "java", 1, 900, 100, 0, 0);            // not PostgreSQL
        stat(proc, 201, "postgres", 200, 1, 1, 0, 0);          // another server, started by a non-postgres parent
        ProcessCpu cpu = new ProcessCpu(proc, 100);

        Optional<ProcessCpu.Reading> before = cpu.postgres();
        stat(proc, 101, "postgres", 100, 9, 3, 0, 0);          // the backend worked 20 ms more
        Optional<ProcessCpu.Reading> after = cpu.postgres();

        assertThat(before).hasValue(new ProcessCpu.Reading("100@4846,201@4846", 52));
        assertThat(cpu.millisBetween(before, after)).hasValue(20.0);
    }

    @Test
    void noPostgresWithoutAPostmaster(@TempDir Path proc) throws IOException {
        stat(proc, 200, "java", 1, 900, 100, 0, 0);

        assertThat(new ProcessCpu(proc, 100).postgres()).isEmpty();
    }

    @Test
    void readsTheLocalPostgresqlServerGrowWhenItWorks() throws Exception {
        ProcessCpu cpu = linux();
        Infrastructure db = Infrastructure.shared();
        Optional<ProcessCpu.Reading> before = cpu.postgres();
        assumeThat(before).as("a PostgreSQL server on this machine").isPresent();

        try (Connection connection = DriverManager.getConnection(db.jdbcUrl("public"), db.databaseUser(),
                db.databasePassword()); Statement statement = connection.createStatement()) {
            statement.execute("SELECT count(*) FROM generate_series(1, 3000000)");
            // read while the backend lives: once it exits, its time reaches the postmaster only when reaped
            Optional<ProcessCpu.Reading> after = cpu.postgres();
            assertThat(cpu.millisBetween(before, after)).hasValueSatisfying(ms -> assertThat(ms).isPositive());
        }
    }

    private static ProcessCpu linux() {
        Optional<ProcessCpu> cpu = ProcessCpu.linux();
        assumeThat(cpu).as("/proc (Linux)").isPresent();
        return cpu.orElseThrow();
    }

    private static void stat(Path proc, long pid, String command, long parent, long utime, long stime, long cutime,
                             long cstime) throws IOException {
        Files.createDirectories(proc.resolve(String.valueOf(pid)));
        Files.writeString(proc.resolve(pid + "/stat"), "%d (%s) S %d %d %d 0 -1 4194304 5911 98199 0 15 %d %d %d %d 20 0 1 0 4846 2224 7397%n"
                .formatted(pid, command, parent, pid, pid, utime, stime, cutime, cstime));
    }

    /** Spins this thread until it has used the given CPU time, as the JVM counts it. */
    private static void burnCpuMillis(long millis) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long until = threads.getCurrentThreadCpuTime() + millis * 1_000_000;
        long sink = 0;
        while (threads.getCurrentThreadCpuTime() < until) {
            for (int i = 0; i < 100_000; i++) {
                sink += i * 31L ^ sink;
            }
        }
        assertThat(sink).isNotEqualTo(42);
    }
}
