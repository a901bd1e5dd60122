package io.askflow.enrichment;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class EnrichmentServiceApplication {

    /** Starts the service, or runs the {@link KnowledgeCommand} and exits. */
    public static void main(String[] args) {
        if (KnowledgeCommand.handles(args)) {
            System.exit(KnowledgeCommand.run(args));
        }
        SpringApplication.run(EnrichmentServiceApplication.class, args);
    }
}
