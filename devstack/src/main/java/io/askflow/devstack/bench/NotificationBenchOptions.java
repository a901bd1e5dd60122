package io.askflow.devstack.bench;

import io.askflow.devstack.Args;
import java.time.Duration;
import java.util.Set;

/** What {@code ./askflow bench --notifications N} was asked to do. */
record NotificationBenchOptions(int notifications, int warmup, boolean json, Duration timeout) {

    static final int DEFAULT_WARMUP = 4000;

    static final String USAGE = """
            usage: ./askflow bench --notifications N [--warmup W] [--json] [--timeout SECONDS]
              Starts a notification-service of the bench's own, apart from the dev stack (running or not): its
              own Kafka broker, SMTP catcher and PostgreSQL schema (notification_bench_<run>), on free ports. Then
              publishes N question.submitted and N ANSWERED notification.requested events to that broker (as the
              other services would), waits for its notification.sent of each, reads its SMTP catcher and prints
              emails per second and the p50/p95/p99 request-to-accepted latency (request occurredAt to
              notification.sent occurredAt, both recorded on this machine). At the end (also on Ctrl-C) it stops
              its processes, drops its schema and deletes its temporary folder. Needs PostgreSQL (ASKFLOW_DB_*)
              and the built notification-service jar (./mvnw -pl notification-service -am package -DskipTests).
              --warmup   first push W notifications the same way and report them apart (default 4000): freshly
                         started JVMs (service, broker, catcher) spend their first thousands of mails compiling
                         code, so without it the figures measure JIT warm-up; --warmup 0 measures cold
              --timeout  give up waiting after this many seconds (default 120 + N/100)""";

    static boolean wanted(String[] arguments) {
        for (String argument : arguments) {
            if (argument.equals("--notifications") || argument.startsWith("--notifications=")) {
                return true;
            }
        }
        return false;
    }

    static NotificationBenchOptions parse(String[] arguments) {
        Args args = Args.parse(arguments, Set.of("notifications", "warmup", "timeout"), Set.of("json", "help"));
        if (args.flag("help")) {
            throw new IllegalArgumentException(USAGE);
        }
        int notifications = Integer.parseInt(args.value("notifications")
                .orElseThrow(() -> new IllegalArgumentException("--notifications N is required\n" + USAGE)));
        if (notifications < 1) {
            throw new IllegalArgumentException("--notifications must be at least 1");
        }
        int warmup = Integer.parseInt(args.value("warmup").orElse(String.valueOf(DEFAULT_WARMUP)));
        if (warmup < 0) {
            throw new IllegalArgumentException("--warmup must be 0 or more");
        }
        Duration timeout = args.value("timeout").map(seconds -> Duration.ofSeconds(Long.parseLong(seconds)))
                .orElse(defaultTimeout(notifications));
        return new NotificationBenchOptions(notifications, warmup, args.flag("json"), timeout);
    }

    /** The same bench for the warm-up round: W notifications, its own run, its own time limit. */
    NotificationBenchOptions warmupRound() {
        return new NotificationBenchOptions(warmup, 0, false, defaultTimeout(warmup));
    }

    private static Duration defaultTimeout(int notifications) {
        return Duration.ofSeconds(120 + (long) Math.ceil(notifications / 100.0));
    }
}
