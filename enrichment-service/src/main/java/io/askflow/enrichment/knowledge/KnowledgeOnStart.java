package io.askflow.enrichment.knowledge;

import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Fills an empty knowledge base from {@code askflow.knowledge.import-on-start} on the first start. */
@Component
@Order(2)
class KnowledgeOnStart implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(KnowledgeOnStart.class);
    private static final String HOW_TO = "import one with ./askflow import-knowledge FILE "
            + "(or java -jar enrichment-service.jar import-knowledge FILE)";

    private final KnowledgeRecords records;
    private final KnowledgeImport knowledgeImport;
    private final String importOnStart;

    KnowledgeOnStart(KnowledgeRecords records, KnowledgeImport knowledgeImport,
                     @Value("${askflow.knowledge.import-on-start:}") String importOnStart) {
        this.records = records;
        this.knowledgeImport = knowledgeImport;
        this.importOnStart = importOnStart;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (records.count() > 0) {
            return;
        }
        if (importOnStart.isBlank()) {
            log.info("The knowledge base is empty; {}", HOW_TO);
            return;
        }
        Path file = Path.of(importOnStart);
        if (!Files.isReadable(file)) {
            log.warn("The knowledge base is empty and {} is not there; {}", file, HOW_TO);
            return;
        }
        log.info("Importing the knowledge base from {}", file);
        ImportSummary summary = knowledgeImport.importFile(file, log::info);
        log.info("Knowledge import done: {}", summary);
    }
}
