package io.askflow.enrichment.knowledge;

import java.nio.file.Path;

/**
 * An import wrote its records to the schema. Published in process, outside any transaction; its listeners run before
 * the import returns, so that what was imported is searchable when it does.
 */
public record KnowledgeImported(Path file) {
}
