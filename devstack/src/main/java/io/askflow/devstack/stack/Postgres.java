package io.askflow.devstack.stack;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** Whether the stack's PostgreSQL answers, with the sentence that says how to start it when it does not. */
final class Postgres {

    private final StackSettings.Database database;
    private final ChildProcesses children;

    Postgres(StackSettings.Database database, ChildProcesses children) {
        this.database = database;
        this.children = children;
    }

    void requireReachable() {
        if (!reachable()) {
            throw new StackException("PostgreSQL is not reachable at %s:%d; start it (e.g. %s) or point "
                    .formatted(database.host(), database.port(), startHint())
                    + "ASKFLOW_DB_HOST/ASKFLOW_DB_PORT at a running server, then run ./askflow up again.");
        }
    }

    // pg_isready also tells a server that is still starting (it refuses connections) from one that is up
    private boolean reachable() {
        Optional<Path> pgIsReady = onPath("pg_isready");
        if (pgIsReady.isPresent()) {
            return children.runHere(List.of(pgIsReady.get().toString(), "-q", "-h", database.host(),
                    "-p", String.valueOf(database.port()), "-t", "3"), Map.of()) == 0;
        }
        return Health.listening(database.host(), database.port());
    }

    private static String startHint() {
        String version;
        try (Stream<Path> installed = Files.list(Path.of("/etc/postgresql"))) {
            version = installed.map(path -> path.getFileName().toString())
                    .max(Comparator.comparingInt(Postgres::major)).orElse("15");
        } catch (IOException e) {
            version = "15";
        }
        return "pg_ctlcluster --skip-systemctl-redirect " + version + " main start";
    }

    private static int major(String version) {
        String digits = version.replaceAll("[^0-9].*", "");
        return digits.isEmpty() ? 0 : Integer.parseInt(digits);
    }

    private static Optional<Path> onPath(String command) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .filter(dir -> !dir.isEmpty())
                .map(dir -> Path.of(dir, command))
                .filter(Files::isExecutable)
                .findFirst();
    }
}
