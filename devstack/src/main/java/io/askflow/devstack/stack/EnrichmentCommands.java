package io.askflow.devstack.stack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code import-knowledge} (enrichment-service's jar) and {@code eval-similar} (the enrichment-eval tool's jar), run as
 * commands on the stack's database.
 */
final class EnrichmentCommands {

    private final StackSettings settings;
    private final Launcher launcher;
    private final Postgres postgres;
    private final ChildProcesses children;

    EnrichmentCommands(StackSettings settings, Launcher launcher, Postgres postgres, ChildProcesses children) {
        this.settings = settings;
        this.launcher = launcher;
        this.postgres = postgres;
        this.children = children;
    }

    int importKnowledge(List<String> args) {
        if (args.isEmpty() || args.get(0).isEmpty()) {
            throw new StackException(
                    "usage: ./askflow import-knowledge FILE|FOLDER (JSON lines, plain or .gz; or MedQuAD's XML folders)");
        }
        Path file = Path.of(args.get(0));
        if (!Files.exists(file)) {
            throw new StackException("no such file or folder: " + args.get(0));
        }
        return run("enrichment-service", settings.state().resolve("enrichment-index"),
                List.of("import-knowledge", absolute(file)));
    }

    /**
     * The running enrichment-service holds its index folder, so the evaluation builds and keeps its own from the
     * same database (a few seconds the first time, then only what changed).
     */
    int evalSimilar(List<String> args) {
        String questions = settings.datasets().resolve("mediqa-dev/questions.jsonl").toString();
        List<String> rest = args;
        if (!args.isEmpty() && !args.get(0).isEmpty() && !args.get(0).startsWith("--")) {
            questions = args.get(0);
            rest = args.subList(1, args.size());
        }
        if (!Files.isRegularFile(Path.of(questions))) {
            throw new StackException("no such file: " + questions);
        }
        List<String> command = new ArrayList<>(List.of("eval-similar", absolute(Path.of(questions))));
        if (!rest.isEmpty() && rest.get(0).equals("--verbose")) {
            command.add("--verbose");
        }
        return run("enrichment-eval", settings.state().resolve("eval-index"), command);
    }

    // the path made absolute, so that what a command prints names the file it read whatever the working folder
    private static String absolute(Path path) {
        return path.toAbsolutePath().normalize().toString();
    }

    /**
     * Runs a command of enrichment-service's, or of its evaluation tool (which is not in the service's jar), on the
     * stack's database, without web server or listeners.
     */
    private int run(String module, Path index, List<String> commandAndArgs) {
        postgres.requireReachable();
        Path jar = settings.builtJar(module);
        launcher.requireFile(jar);
        List<String> command = new ArrayList<>(List.of(ChildProcesses.java(), "-Xmx" + settings.serviceHeap(),
                "-jar", jar.toString()));
        command.addAll(commandAndArgs);
        command.add("--askflow.index.dir=" + index);
        return children.runHere(command, settings.serviceEnvironment());
    }
}
