package io.askflow.devstack.stack;

import io.askflow.devstack.database.CreateDatabase;
import io.askflow.devstack.stack.Component.Service;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The dev stack's commands behind {@code ./askflow}: up, down, status, start, stop, logs, import-knowledge and
 * eval-similar. ./askflow checks Java and builds first, then hands over with -Daskflow.root=its folder.
 */
public final class StackCommand {

    public static final List<String> COMMANDS =
            List.of("up", "down", "status", "start", "stop", "logs", "import-knowledge", "eval-similar");

    private final StackSettings settings;
    private Stack stack;
    private final Supervisor supervisor;
    private final Postgres postgres;
    private final EnrichmentCommands enrichment;
    private final ChildProcesses children;
    private final PrintStream out;

    StackCommand(StackSettings settings, PrintStream out, PrintStream err) {
        this.settings = settings;
        this.stack = Stack.of(settings);
        this.children = new ChildProcesses(settings);
        PidFiles pids = new PidFiles(settings);
        Launcher launcher = new Launcher(settings, children, new KafkaStorage(settings, children, out, err), pids);
        this.supervisor = new Supervisor(settings, pids, launcher, new Health(), out, err);
        this.postgres = new Postgres(settings.database(), children);
        this.enrichment = new EnrichmentCommands(settings, launcher, postgres, children);
        this.out = out;
    }

    /** Runs one command; a {@link StackException} becomes "askflow: ..." on stderr and exit status 1. */
    public static int run(String command, List<String> args) {
        try {
            String version = Optional.ofNullable(StackCommand.class.getPackage().getImplementationVersion())
                    .orElseThrow(() -> new StackException("run devstack from its jar, which names the version"));
            StackSettings settings = StackSettings.from(Path.of(System.getProperty("askflow.root", ".")), version,
                    System.getenv());
            return new StackCommand(settings, System.out, System.err).execute(command, args);
        } catch (StackException e) {
            System.out.flush();
            System.err.println("askflow: " + e.getMessage());
            return 1;
        }
    }

    int execute(String command, List<String> args) {
        String first = args.isEmpty() ? "" : args.get(0);
        switch (command) {
            case "up" -> up(args);
            case "down" -> down();
            case "status" -> out.print(first.equals("--json") ? status().json() : status().text());
            case "start" -> start(component(first, "start what?"));
            case "stop" -> stop(component(first, "stop what?"));
            case "logs" -> {
                return logs(component(first, "logs of what?"));
            }
            case "import-knowledge" -> {
                return enrichment.importKnowledge(args);
            }
            case "eval-similar" -> {
                return enrichment.evalSimilar(args);
            }
            default -> throw new StackException("unknown command: " + command + " (see ./askflow help)");
        }
        return 0;
    }

    private void up(List<String> args) {
        createDirectories(settings.run(), settings.logs());
        delete(settings.noRateLimitMarker());
        int instances = 1;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--no-rate-limit")) {
                touch(settings.noRateLimitMarker());
            } else if (arg.equals("--instances") && i + 1 < args.size()) {
                instances = instances(args.get(++i));
            } else if (arg.startsWith("--instances=")) {
                instances = instances(arg.substring("--instances=".length()));
            } else {
                throw new StackException("unknown option for up: " + arg + " (see ./askflow help)");
            }
        }
        Stack wanted = Stack.of(settings, instances);
        // instances beyond the new count, left by an earlier up with more: up leaves the stack as asked
        supervisor.stop(stack.services().stream().filter(s -> !wanted.services().contains(s)).toList());
        Stack.recordInstances(settings, instances);
        stack = wanted;
        postgres.requireReachable();
        if (CreateDatabase.run(new String[0]) != 0) {
            throw new StackException("could not prepare database " + settings.database().name() + " (see above).");
        }
        supervisor.begin(stack.kafka());
        supervisor.awaitHealthy(stack.kafka());
        supervisor.begin(stack.smtp());
        supervisor.awaitHealthy(stack.smtp());
        // the first instances create their schemas: two workflows creating Camunda's tables at once collide
        startTogether(stack.services().stream().filter(s -> s.instance() == 1).toList());
        startTogether(stack.services().stream().filter(s -> s.instance() > 1).toList());
        printUrls();
    }

    private void startTogether(List<Service> services) {
        if (services.isEmpty()) {
            return;
        }
        services.forEach(supervisor::begin);
        out.printf("Waiting for the services' /actuator/health (up to %ds each) ...%n",
                settings.startTimeout().toSeconds());
        for (Service service : services) {
            supervisor.awaitHealthy(service);
            out.printf("  %s is up%n", service.name());
        }
    }

    private static int instances(String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new StackException("--instances takes a number, not '" + value + "'");
        }
    }

    private void down() {
        supervisor.stop(stack.services());
        supervisor.stop(List.of(stack.smtp()));
        supervisor.stop(List.of(stack.kafka()));
        out.println("Askflow is down.");
    }

    private StatusReport status() {
        return new StatusReport(stack.components().stream()
                .map(c -> new StatusReport.Line(c, supervisor.pid(c), supervisor.state(c))).toList());
    }

    private void start(Component component) {
        if (component instanceof Service) {
            postgres.requireReachable();
        }
        supervisor.begin(component);
        supervisor.awaitHealthy(component);
        out.printf("%s is up.%n", component.name());
    }

    private void stop(Component component) {
        if (supervisor.pid(component).isEmpty()) {
            out.printf("%s is not running.%n", component.name());
            return;
        }
        supervisor.stop(List.of(component));
    }

    private int logs(Component component) {
        Path log = settings.log(component.name());
        if (!Files.exists(log)) {
            throw new StackException("no log yet: " + settings.shown(log));
        }
        return children.runHere(List.of("tail", "-n", "100", "-F", log.toString()), Map.of());
    }

    private Component component(String name, String question) {
        return stack.find(name).orElseThrow(() -> new StackException(question + " one of: " + stack.names()));
    }

    private void printUrls() {
        out.println();
        out.printf("Askflow is up. Logs: %s/NAME.log (NAME-k.log: instance k); ./askflow status; ./askflow down "
                + "stops it.%n", settings.shown(settings.logs()));
        for (Service service : stack.services()) {
            out.printf("  %-23s http://127.0.0.1:%d%s%n", service.name(), service.port(), service.page());
        }
        out.printf("  %-23s http://127.0.0.1:%d/  (SMTP 127.0.0.1:%d; JSON at /api/v1/messages)%n", "mail",
                stack.smtp().apiPort(), stack.smtp().port());
        out.printf("  %-23s 127.0.0.1:%d (KRaft; data in %s)%n", "kafka", stack.kafka().port(),
                settings.shown(settings.kafkaDir()));
        out.printf("  %-23s %s:%d/%s%n", "postgresql", settings.database().host(), settings.database().port(),
                settings.database().name());
        out.println(settings.bindAddress().equals("127.0.0.1")
                ? "  The services and the mail page listen on 127.0.0.1 only (ASKFLOW_BIND_ADDRESS=0.0.0.0 opens them)."
                : "  The services and the mail page listen on " + settings.bindAddress()
                        + " (ASKFLOW_BIND_ADDRESS): other machines reach the demo logins and every mail.");
        out.println("""
                  API docs: /swagger-ui.html on each service.
                Demo logins (demo profile only):
                  doctors  dr.ye / askflow and dr.lin / askflow (Neurology); dr.<specialty> / askflow for the others,
                           e.g. dr.cardiology, dr.pediatrics, dr.dermatology, dr.general (General Medicine triage)
                  admin    admin / askflow (Camunda Cockpit, operator endpoints)""");
        if (Files.exists(settings.noRateLimitMarker())) {
            out.println("Rate limit and mail throttle are off (--no-rate-limit).");
        }
    }

    private static void createDirectories(Path... directories) {
        try {
            for (Path directory : directories) {
                Files.createDirectories(directory);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void touch(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createFile(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
