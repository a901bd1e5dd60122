package io.askflow.enrichment;

import io.askflow.enrichment.knowledge.ImportSummary;
import io.askflow.enrichment.knowledge.KnowledgeImport;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code import-knowledge FILE|FOLDER}: loads a JSON-lines knowledge file (plain or .gz), or MedQuAD's original XML
 * pages (a folder of them, or one file), in the {@link CommandContext}, then exits. ({@code eval-similar} is a tool
 * of its own, in {@code enrichment-eval}.)
 */
final class KnowledgeCommand {

    static final String IMPORT_KNOWLEDGE = "import-knowledge";

    private KnowledgeCommand() {
    }

    static boolean handles(String[] args) {
        return args.length > 0 && args[0].equals(IMPORT_KNOWLEDGE);
    }

    /** Runs the command and returns the process exit code. */
    static int run(String[] args) {
        PrintStream out = System.out;
        if (args.length < 2 || args[1].startsWith("--")) {
            out.println("Usage: import-knowledge FILE|FOLDER   (JSON lines, plain or .gz; or MedQuAD's XML folders)");
            return 2;
        }
        Path file = Path.of(args[1]);
        if (!Files.isReadable(file)) {
            out.println("Cannot read " + file.toAbsolutePath());
            return 2;
        }
        try (ConfigurableApplicationContext context = CommandContext.start(args)) {
            out.println("Importing " + file.toAbsolutePath());
            ImportSummary summary = context.getBean(KnowledgeImport.class).importFile(file, out::println);
            out.println("Imported: " + summary);
            return 0;
        }
    }
}
