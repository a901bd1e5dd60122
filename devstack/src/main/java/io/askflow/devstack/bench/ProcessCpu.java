package io.askflow.devstack.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * CPU time of processes as Linux counts it in {@code /proc/<pid>/stat}: user and system time of the process and of
 * its waited-for children, in clock ticks. Readings compare only when they name the same processes (pid and start
 * time), so a restarted or reused pid is never taken for the process measured before.
 */
final class ProcessCpu {

    /** Linux's USER_HZ on every common architecture; used when {@code getconf CLK_TCK} cannot answer. */
    private static final long DEFAULT_TICKS_PER_SECOND = 100;

    /** One process's line of {@code /proc/<pid>/stat}, the fields the bench needs. */
    record Stat(long pid, String command, long parent, long ticks, long childTicks, long startTicks) {

        /**
         * @param line the file's one line: {@code pid (comm) state ppid ...}; comm may hold spaces and parentheses,
         *             so the fields are counted from its last ')'
         */
        static Stat parse(String line) {
            int open = line.indexOf('(');
            int close = line.lastIndexOf(')');
            String[] fields = line.substring(close + 2).trim().split(" ");
            // fields[0] is field 3 (state) of proc(5): ppid is 4, utime 14, stime 15, cutime 16, cstime 17, starttime 22
            return new Stat(Long.parseLong(line.substring(0, open).trim()), line.substring(open + 1, close),
                    Long.parseLong(fields[1]), Long.parseLong(fields[11]) + Long.parseLong(fields[12]),
                    Long.parseLong(fields[13]) + Long.parseLong(fields[14]), Long.parseLong(fields[19]));
        }

        String identity() {
            return pid + "@" + startTicks;
        }
    }

    /**
     * CPU ticks of a set of processes at one moment.
     *
     * @param identity which processes were read; readings of different processes do not compare
     */
    record Reading(String identity, long ticks) {
    }

    private final Path proc;
    private final long ticksPerSecond;

    ProcessCpu(Path proc, long ticksPerSecond) {
        this.proc = proc;
        this.ticksPerSecond = ticksPerSecond;
    }

    /** This machine's /proc; empty where there is none (not Linux). */
    static Optional<ProcessCpu> linux() {
        Path proc = Path.of("/proc");
        return Files.isReadable(proc.resolve("self/stat")) ? Optional.of(new ProcessCpu(proc, clockTicks())) : Optional.empty();
    }

    /** One process's CPU time, its exited children's included; empty when it does not run or cannot be read. */
    Optional<Reading> process(long pid) {
        return stat(pid).map(s -> new Reading(s.identity(), s.ticks() + s.childTicks()));
    }

    /**
     * Every PostgreSQL server on this machine: each postmaster (a {@code postgres} process whose parent is not one)
     * with its own time, that of its exited backends (its children's time, as it waits for them) and that of its
     * live backends. Empty when no postmaster runs here (e.g. PostgreSQL on another host).
     */
    Optional<Reading> postgres() {
        List<Stat> all = all();
        Map<Long, Stat> byPid = all.stream().collect(Collectors.toMap(Stat::pid, Function.identity(), (a, b) -> a));
        List<Stat> postmasters = all.stream().filter(s -> s.command().equals("postgres"))
                .filter(s -> !byPid.containsKey(s.parent()) || !byPid.get(s.parent()).command().equals("postgres"))
                .sorted(Comparator.comparingLong(Stat::pid)).toList();
        if (postmasters.isEmpty()) {
            return Optional.empty();
        }
        long ticks = 0;
        for (Stat postmaster : postmasters) {
            ticks += postmaster.ticks() + postmaster.childTicks();
            for (Stat s : all) {
                if (s.parent() == postmaster.pid()) {
                    ticks += s.ticks() + s.childTicks();
                }
            }
        }
        return Optional.of(new Reading(postmasters.stream().map(Stat::identity).collect(Collectors.joining(",")), ticks));
    }

    /** Milliseconds between two readings of the same processes; empty when they are not the same. */
    Optional<Double> millisBetween(Optional<Reading> before, Optional<Reading> after) {
        if (before.isEmpty() || after.isEmpty() || !before.get().identity().equals(after.get().identity())) {
            return Optional.empty();
        }
        return Optional.of((after.get().ticks() - before.get().ticks()) * 1000.0 / ticksPerSecond);
    }

    Optional<Stat> stat(long pid) {
        try {
            return Optional.of(Stat.parse(Files.readString(proc.resolve(String.valueOf(pid)).resolve("stat"),
                    StandardCharsets.UTF_8)));
        } catch (IOException | RuntimeException gone) {
            return Optional.empty();
        }
    }

    /** Every process readable now; one that ends while being read is left out. */
    private List<Stat> all() {
        List<Stat> stats = new ArrayList<>();
        try (Stream<Path> entries = Files.list(proc)) {
            entries.map(p -> p.getFileName().toString()).filter(n -> n.matches("[0-9]+"))
                    .forEach(n -> stat(Long.parseLong(n)).ifPresent(stats::add));
        } catch (IOException e) {
            return List.of();
        }
        return stats;
    }

    private static long clockTicks() {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(getconf.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (getconf.waitFor(5, TimeUnit.SECONDS) && getconf.exitValue() == 0 && out.matches("[0-9]+")) {
                return Long.parseLong(out);
            }
        } catch (IOException e) {
            return DEFAULT_TICKS_PER_SECOND;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return DEFAULT_TICKS_PER_SECOND;
    }
}
