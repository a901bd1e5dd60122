package io.askflow.devstack.stack;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Starts JVMs (this JVM's java) and other commands for the dev stack. */
final class ChildProcesses {

    /** What {@code date -Iseconds} prints, e.g. 2026-12-05T08:36:26+00:00. */
    private static final DateTimeFormatter LOG_HEADER_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");
    private static final File NOWHERE = new File("/dev/null");

    private final StackSettings settings;

    ChildProcesses(StackSettings settings) {
        this.settings = settings;
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * Starts a component's JVM detached from this one (its own session, immune to the terminal's hang-up, output
     * to its log, no stdin), so that it outlives this command; the previous log becomes NAME.log.1.
     */
    long launch(String name, List<String> javaArgs, Map<String, String> environment) {
        Path log = settings.log(name);
        try {
            Files.createDirectories(settings.logs());
            if (Files.exists(log)) {
                Files.move(log, log.resolveSibling(name + ".log.1"), StandardCopyOption.REPLACE_EXISTING);
            }
            Files.writeString(log, "=== %s: %s%n".formatted(OffsetDateTime.now().format(LOG_HEADER_TIME),
                    String.join(" ", javaArgs)));
            List<String> command = new ArrayList<>(List.of("setsid", "nohup", java(), PidFiles.marker(name)));
            command.addAll(javaArgs);
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(Redirect.appendTo(log.toFile())).redirectInput(NOWHERE);
            builder.environment().putAll(environment);
            // setsid and nohup exec the JVM in place, so this pid is the JVM's
            return builder.start().pid();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + name, e);
        }
    }

    /** Runs a JVM to its end with its output in {@code log}; returns its exit status. */
    int run(List<String> javaArgs, Path log) {
        List<String> command = new ArrayList<>(List.of(java()));
        command.addAll(javaArgs);
        try {
            Files.createDirectories(log.getParent());
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).redirectInput(NOWHERE).start();
            return process.waitFor();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted");
        }
    }

    /**
     * Runs a command on this terminal until it ends (Ctrl-C reaches both), as the shell's exec did; stopping this
     * JVM stops it too. Returns its exit status.
     */
    int runHere(List<String> command, Map<String, String> environment) {
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        builder.environment().putAll(environment);
        try {
            Process process = builder.start();
            Thread stopWithUs = new Thread(process::destroy, "stop-" + command.get(0));
            Runtime.getRuntime().addShutdownHook(stopWithUs);
            int exit = process.waitFor();
            Runtime.getRuntime().removeShutdownHook(stopWithUs);
            return exit;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted");
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
