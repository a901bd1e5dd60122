package io.askflow.enrichment;

import io.askflow.enrichment.knowledge.ImportSummary;
import io.askflow.enrichment.knowledge.KnowledgeImport;
import io.askflow.enrichment.knowledge.KnowledgeRecords;
import io.askflow.enrichment.similar.SimilarEvaluation;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Commands run with the service's own configuration (same database, same index folder), without the web server
 * or the Kafka listeners, then exit:
 * <ul>
 *   <li>{@code import-knowledge FILE|FOLDER}: loads a JSON-lines knowledge file (plain or .gz), or MedQuAD's
 *   original XML pages (a folder of them, or one file);</li>
 *   <li>{@code eval-similar [QUESTIONS] [--verbose]}: measures the search on MEDIQA consumer questions
 *   (default {@code $ASKFLOW_DATASETS/mediqa-dev/questions.jsonl}).</li>
 * </ul>
 */
final class Commands {

    static final String IMPORT_KNOWLEDGE = "import-knowledge";
    static final String EVAL_SIMILAR = "eval-similar";
    static final String DEFAULT_QUESTIONS = "mediqa-dev/questions.jsonl";

    private Commands() {
    }

    static boolean handles(String[] args) {
        return args.length > 0 && Set.of(IMPORT_KNOWLEDGE, EVAL_SIMILAR).contains(args[0]);
    }

    /** Runs the command and returns the process exit code. */
    static int run(String[] args) {
        PrintStream out = System.out;
        if (args[0].equals(IMPORT_KNOWLEDGE) && args.length < 2) {
            out.println("Usage: import-knowledge FILE|FOLDER   (JSON lines, plain or .gz; or MedQuAD's XML folders)");
            return 2;
        }
        Path file = args.length > 1 && !args[1].startsWith("--") ? Path.of(args[1]) : datasets().resolve(DEFAULT_QUESTIONS);
        if (!Files.isReadable(file)) {
            out.println("Cannot read " + file.toAbsolutePath());
            return 2;
        }
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(EnrichmentServiceApplication.class)
                .web(WebApplicationType.NONE)
                .properties("spring.kafka.listener.auto-startup=false", "spring.kafka.admin.auto-create=false",
                        "spring.modulith.events.republish-outstanding-events-on-restart=false",
                        "askflow.knowledge.import-on-start=", "spring.main.banner-mode=off",
                        "logging.level.root=WARN", "logging.level.io.askflow=INFO",
                        // the commands need no broker: its client's connection warnings would only bury the output
                        "logging.level.org.apache.kafka=ERROR")
                .run(args)) {
            if (args[0].equals(IMPORT_KNOWLEDGE)) {
                out.println("Importing " + file.toAbsolutePath());
                ImportSummary summary = context.getBean(KnowledgeImport.class).importFile(file, out::println);
                out.println("Imported: " + summary);
                return 0;
            }
            if (context.getBean(KnowledgeRecords.class).count() == 0) {
                out.println("The knowledge base is empty: import one first (./askflow import-knowledge FILE)");
                return 2;
            }
            context.getBean(SimilarEvaluation.class).run(file, out, Set.of(args).contains("--verbose"));
            return 0;
        }
    }

    private static Path datasets() {
        String configured = System.getenv("ASKFLOW_DATASETS");
        return Path.of(configured == null || configured.isBlank() ? "../shared/datasets" : configured);
    }
}
