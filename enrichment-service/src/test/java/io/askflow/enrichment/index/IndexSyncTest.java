package io.askflow.enrichment.index;

import static org.assertj.core.api.Assertions.assertThat;

import io.askflow.enrichment.Questions;
import io.askflow.enrichment.knowledge.KnowledgeImport;
import io.askflow.enrichment.knowledge.KnowledgeRecords;
import io.askflow.testsupport.AskflowIntegrationTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** A second index folder, as a new instance would have, is built from the schema and then reopened as it is. */
@AskflowIntegrationTest
class IndexSyncTest {

    @Autowired KnowledgeImport knowledgeImport;
    @Autowired KnowledgeRecords knowledge;
    @Autowired Questions questions;
    @Autowired TransactionTemplate transactions;
    @Autowired JdbcTemplate jdbc;
    @TempDir Path folder;

    @Test
    void aMissingIndexIsRebuiltFromTheSchemaAndAnExistingOneReopened() throws IOException {
        String id = "SYNC_" + UUID.randomUUID().toString().replace("-", "") + "_Sec1";
        Path file = folder.resolve("knowledge.jsonl");
        Files.writeString(file, """
                {"id": "%s", "source": "TEST", "url": "https://example.org/sync", "focus": "Chilblains", \
                "question": "What is (are) Chilblains ?", "answer": "Chilblains are itchy red patches after cold."}
                """.formatted(id));
        knowledgeImport.importFile(file, line -> { });
        var properties = new IndexProperties(folder.resolve("index"), Duration.ofMinutes(1));

        SearchIndex fresh = new SearchIndex(properties);
        new IndexSync(fresh, knowledge, questions, transactions, jdbc).start();
        assertThat(fresh.count(Kind.KNOWLEDGE)).isEqualTo(knowledge.count());
        assertThat(fresh.search(request("itchy red toes after the cold"))).extracting(Hit::id).contains(id);
        fresh.destroy();

        SearchIndex reopened = new SearchIndex(properties);
        assertThat(reopened.open()).containsEntry(SearchIndex.FORMAT_KEY, Fields.FORMAT)
                .containsKey(SearchIndex.SYNCED_UP_TO_KEY);
        assertThat(reopened.search(request("chilblains"))).extracting(Hit::id).contains(id);
        reopened.destroy();
    }

    private static SearchRequest request(String text) {
        return new SearchRequest(text, "", null, Set.of(Kind.KNOWLEDGE), null, false, 10, SearchRequest.SNIPPET_CHARS);
    }
}
