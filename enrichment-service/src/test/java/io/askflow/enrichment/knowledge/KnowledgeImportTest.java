package io.askflow.enrichment.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import io.askflow.testsupport.AskflowIntegrationTest;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@AskflowIntegrationTest
class KnowledgeImportTest {

    @Autowired KnowledgeImport knowledgeImport;
    @Autowired JdbcTemplate jdbc;
    @TempDir Path folder;

    private final String doc = "TEST_" + UUID.randomUUID().toString().replace("-", "");

    @Test
    void importsGoodLinesSkipsBadOnesWithTheirLineNumbersAndKeepsIds() throws IOException {
        Path file = write("knowledge.jsonl", record(1, "What causes hiccups ?", "Hiccups are caused by spasms."),
                "this is not json",
                record(2, "How to treat hiccups ?", "Hold your breath. Drink cold water."),
                "{\"id\": \"" + doc + "_Sec9\", \"source\": \"TEST\"}",
                "{\"question\": \"no id here\"}");
        List<String> progress = new ArrayList<>();

        ImportSummary summary = knowledgeImport.importFile(file, progress::add);

        assertThat(summary.read()).isEqualTo(5);
        assertThat(summary.imported()).isEqualTo(2);
        assertThat(summary.skipped()).isEqualTo(3);
        assertThat(summary.skippedLines()).containsExactly("line 2: not JSON", "line 4: no question",
                "line 5: no id");
        assertThat(progress).contains("skipped line 2: not JSON");
        assertThat(jdbc.queryForList("select id from knowledge_record where id like ? order by id", String.class,
                doc + "%")).containsExactly(doc + "_Sec1", doc + "_Sec2");
        assertThat(jdbc.queryForObject("select source from knowledge_record where id = ?", String.class,
                doc + "_Sec1")).isEqualTo("TEST");
    }

    @Test
    void reimportChangesNothingAndAnUpdatedRecordReplacesTheOld() throws IOException {
        Path file = write("first.jsonl", record(1, "What is a hiccup ?", "A sudden contraction."),
                record(2, "Who gets hiccups ?", "Everyone."));
        knowledgeImport.importFile(file, line -> { });
        Object changedAt = jdbc.queryForObject("select changed_at from knowledge_record where id = ?", Object.class,
                doc + "_Sec1");

        ImportSummary again = knowledgeImport.importFile(file, line -> { });

        assertThat(again.imported()).isZero();
        assertThat(again.updated()).isZero();
        assertThat(again.unchanged()).isEqualTo(2);
        assertThat(jdbc.queryForObject("select changed_at from knowledge_record where id = ?", Object.class,
                doc + "_Sec1")).isEqualTo(changedAt);

        Path updated = gzip("updated.jsonl.gz", record(1, "What is a hiccup ?", "An involuntary contraction."),
                record(2, "Who gets hiccups ?", "Everyone."));
        ImportSummary third = knowledgeImport.importFile(updated, line -> { });

        assertThat(third.updated()).isEqualTo(1);
        assertThat(third.unchanged()).isEqualTo(1);
        assertThat(jdbc.queryForObject("select answer from knowledge_record where id = ?", String.class,
                doc + "_Sec1")).isEqualTo("An involuntary contraction.");
        assertThat(jdbc.queryForObject("select count(*) from knowledge_record where id = ?", Integer.class,
                doc + "_Sec1")).isEqualTo(1);
    }

    private String record(int section, String question, String answer) {
        return """
                {"id": "%s_Sec%d", "source": "TEST", "url": "https://example.org/%s", "focus": "Hiccups", \
                "synonyms": ["Singultus"], "category": "Disease", "semanticGroup": "Disorders", "cuis": ["C0019521"], \
                "qtype": "information", "question": "%s", "answer": "%s"}""".formatted(doc, section, doc, question,
                answer);
    }

    private Path write(String name, String... lines) throws IOException {
        Path file = folder.resolve(name);
        Files.writeString(file, String.join("\n", lines) + "\n");
        return file;
    }

    private Path gzip(String name, String... lines) throws IOException {
        Path file = folder.resolve(name);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return file;
    }
}
