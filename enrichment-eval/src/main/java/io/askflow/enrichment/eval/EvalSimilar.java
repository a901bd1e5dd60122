package io.askflow.enrichment.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.askflow.enrichment.CommandContext;
import io.askflow.enrichment.knowledge.KnowledgeRecords;
import io.askflow.enrichment.ranking.PageRanking;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code eval-similar [QUESTIONS] [--verbose]}: measures the service's search on MEDIQA consumer questions (default
 * {@code $ASKFLOW_DATASETS/mediqa-dev/questions.jsonl}) with the service's own configuration and database, then
 * exits. Kept out of the service's jar: it is a tool, not part of the service.
 */
public final class EvalSimilar {

    static final String EVAL_SIMILAR = "eval-similar";
    static final String DEFAULT_QUESTIONS = "mediqa-dev/questions.jsonl";

    private EvalSimilar() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the evaluation and returns the process exit code. */
    static int run(String[] args) {
        PrintStream out = System.out;
        if (args.length == 0 || !args[0].equals(EVAL_SIMILAR)) {
            out.println("Usage: eval-similar [QUESTIONS] [--verbose]   (JSON lines; --name=value sets a property)");
            return 2;
        }
        Path file = args.length > 1 && !args[1].startsWith("--") ? Path.of(args[1])
                : datasets().resolve(DEFAULT_QUESTIONS);
        if (!Files.isReadable(file)) {
            out.println("Cannot read " + file.toAbsolutePath());
            return 2;
        }
        try (ConfigurableApplicationContext context = CommandContext.start(args)) {
            if (context.getBean(KnowledgeRecords.class).count() == 0) {
                out.println("The knowledge base is empty: import one first (./askflow import-knowledge FILE)");
                return 2;
            }
            new SimilarEvaluation(context.getBean(PageRanking.class), context.getBean(ObjectMapper.class))
                    .run(file, out, Set.of(args).contains("--verbose"));
            return 0;
        }
    }

    private static Path datasets() {
        String configured = System.getenv("ASKFLOW_DATASETS");
        return Path.of(configured == null || configured.isBlank() ? "../shared/datasets" : configured);
    }
}
