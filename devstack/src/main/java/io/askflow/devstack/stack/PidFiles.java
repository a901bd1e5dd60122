package io.askflow.devstack.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;

/** .askflow/run/NAME.pid, one per running component. */
final class PidFiles {

    private final StackSettings settings;

    PidFiles(StackSettings settings) {
        this.settings = settings;
    }

    /** On every component's command line, so that a pid reused by another process is not taken for it. */
    static String marker(String name) {
        return "-Daskflow.component=" + name;
    }

    void record(String name, long pid) {
        try {
            Files.createDirectories(settings.run());
            Files.writeString(file(name), pid + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The pid of the component if its JVM runs; a stale pid file is removed. */
    OptionalLong running(String name) {
        OptionalLong pid = recorded(name);
        if (pid.isPresent() && commandLine(pid.getAsLong()).contains(marker(name))) {
            return pid;
        }
        forget(name);
        return OptionalLong.empty();
    }

    /**
     * The pid in the file, unchecked: right after the launch, while setsid and nohup exec the JVM, its command
     * line may read empty for a moment.
     */
    OptionalLong recorded(String name) {
        String pid = ChildProcesses.read(file(name)).strip();
        return pid.matches("[0-9]+") ? OptionalLong.of(Long.parseLong(pid)) : OptionalLong.empty();
    }

    /** Like {@link #running}, but leaves a stale pid file alone: for readers such as the bench. */
    OptionalLong alive(String name) {
        OptionalLong pid = recorded(name);
        return pid.isPresent() && commandLine(pid.getAsLong()).contains(marker(name)) ? pid : OptionalLong.empty();
    }

    void forget(String name) {
        try {
            Files.deleteIfExists(file(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path file(String name) {
        return settings.run().resolve(name + ".pid");
    }

    private static List<String> commandLine(long pid) {
        try {
            byte[] cmdline = Files.readAllBytes(Path.of("/proc", String.valueOf(pid), "cmdline"));
            return Arrays.asList(new String(cmdline, StandardCharsets.UTF_8).split("\0"));
        } catch (IOException e) {
            return List.of();
        }
    }
}
