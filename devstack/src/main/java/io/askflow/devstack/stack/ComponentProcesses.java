package io.askflow.devstack.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The running processes of the dev stack's components, read from their pid files without touching them: what the
 * bench measures. A component's instances are {@code NAME.pid} and {@code NAME-N.pid} (N a number), each checked
 * against the {@code -Daskflow.component} marker of its command line.
 */
public final class ComponentProcesses {

    private final StackSettings settings;
    private final PidFiles pids;

    public ComponentProcesses(StackSettings settings) {
        this.settings = settings;
        this.pids = new PidFiles(settings);
    }

    /** The component names in start order: kafka, smtp, then the five services. */
    public List<String> components() {
        return Stack.of(settings).componentNames();
    }

    /** Instance name to pid, for the instances of {@code component} whose JVM runs now; empty when none does. */
    public Map<String, Long> running(String component) {
        Map<String, Long> running = new LinkedHashMap<>();
        instances(component).forEach(i -> pids.alive(i.name()).ifPresent(pid -> running.put(i.name(), pid)));
        return running;
    }

    /** The numbers of the running instances of {@code component} (1 for NAME.pid, N for NAME-N.pid), in order. */
    public List<Integer> runningInstances(String component) {
        return instances(component).stream().filter(i -> pids.alive(i.name()).isPresent()).map(Instance::number)
                .distinct().toList();
    }

    private record Instance(String name, int number) {
    }

    private List<Instance> instances(String component) {
        Pattern instance = Pattern.compile(Pattern.quote(component) + "(?:-([0-9]{1,9}))?\\.pid");
        List<Instance> instances = new ArrayList<>();
        for (String file : pidFiles()) {
            Matcher matcher = instance.matcher(file);
            if (matcher.matches()) {
                String name = file.substring(0, file.length() - ".pid".length());
                instances.add(new Instance(name, matcher.group(1) == null ? 1 : Integer.parseInt(matcher.group(1))));
            }
        }
        instances.sort(Comparator.comparingInt(Instance::number).thenComparing(Instance::name));
        return instances;
    }

    private List<String> pidFiles() {
        if (!Files.isDirectory(settings.run())) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(settings.run())) {
            return files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".pid")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
