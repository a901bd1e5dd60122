package io.askflow.devstack.stack;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Starts components, waits until they are healthy, tells their state, stops them. */
final class Supervisor {

    private static final long POLL_MILLIS = 1000;
    private static final int LOG_LINES_SHOWN = 30;

    private final StackSettings settings;
    private final PidFiles pids;
    private final Launcher launcher;
    private final Health health;
    private final PrintStream out;
    private final PrintStream err;

    Supervisor(StackSettings settings, PidFiles pids, Launcher launcher, Health health, PrintStream out,
               PrintStream err) {
        this.settings = settings;
        this.pids = pids;
        this.launcher = launcher;
        this.health = health;
        this.out = out;
        this.err = err;
    }

    enum State {
        UP, STARTING, DOWN;

        @Override
        public String toString() {
            return name().toLowerCase();
        }
    }

    OptionalLong pid(Component component) {
        return pids.running(component.name());
    }

    State state(Component component) {
        if (pid(component).isEmpty()) {
            return State.DOWN;
        }
        return health.healthy(component) ? State.UP : State.STARTING;
    }

    /** Launches the component unless it runs already; a port held by something else is an error. */
    void begin(Component component) {
        String name = component.name();
        OptionalLong running = pid(component);
        if (running.isPresent()) {
            out.printf("%s runs already (pid %d).%n", name, running.getAsLong());
            return;
        }
        if (component.ports().stream().anyMatch(port -> Health.listening("127.0.0.1", port))) {
            throw new StackException("cannot start " + name
                    + ": its port is in use by another process (not started by ./askflow).");
        }
        launcher.launch(component);
        out.printf("Starting %s (log: %s)%n", name, settings.shown(settings.log(name)));
    }

    /** Waits until the component is healthy; on failure shows where to look and stops with an error. */
    void awaitHealthy(Component component) {
        String name = component.name();
        long deadline = System.nanoTime() + settings.startTimeout().toNanos();
        OptionalLong pid = pids.recorded(name);
        while (!health.healthy(component)) {
            if (pid.isEmpty() || !ProcessHandle.of(pid.getAsLong()).map(ProcessHandle::isAlive).orElse(false)) {
                showLogEnd(name, name + " exited during start.");
                throw new StackException(name + " did not start; ./askflow down stops the rest.");
            }
            if (System.nanoTime() - deadline >= 0) {
                showLogEnd(name, name + " is not healthy after " + settings.startTimeout().toSeconds() + "s.");
                throw new StackException(name + " did not become healthy; ./askflow stop " + name
                        + ", or ./askflow down for all.");
            }
            pause();
        }
    }

    /** SIGTERM to all these components at once, then SIGKILL to whichever still runs after the stop timeout. */
    void stop(List<? extends Component> components) {
        List<Component> stopping = new ArrayList<>();
        List<ProcessHandle> processes = new ArrayList<>();
        for (Component component : components) {
            OptionalLong pid = pid(component);
            Optional<ProcessHandle> process = pid.isPresent() ? ProcessHandle.of(pid.getAsLong()) : Optional.empty();
            if (process.isPresent()) {
                process.get().destroy();
                stopping.add(component);
                processes.add(process.get());
                out.printf("Stopping %s (pid %d)%n", component.name(), pid.getAsLong());
            }
        }
        awaitExit(processes);
        for (int i = 0; i < stopping.size(); i++) {
            if (processes.get(i).isAlive()) {
                out.printf("%s still runs after %ds: SIGKILL%n", stopping.get(i).name(),
                        settings.stopTimeout().toSeconds());
                processes.get(i).destroyForcibly();
            }
            pids.forget(stopping.get(i).name());
        }
    }

    private void awaitExit(List<ProcessHandle> processes) {
        CompletableFuture<?>[] exits = processes.stream().map(ProcessHandle::onExit).toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(exits).get(settings.stopTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            // the survivors get SIGKILL
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted while stopping");
        }
    }

    private void showLogEnd(String name, String what) {
        err.printf("%s Its log, %s, ends with:%n", what, settings.shown(settings.log(name)));
        List<String> lines = ChildProcesses.read(settings.log(name)).lines().toList();
        lines.subList(Math.max(0, lines.size() - LOG_LINES_SHOWN), lines.size()).forEach(err::println);
    }

    private static void pause() {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted while waiting");
        }
    }
}
