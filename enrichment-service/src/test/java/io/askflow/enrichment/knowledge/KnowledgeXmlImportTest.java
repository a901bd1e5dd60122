package io.askflow.enrichment.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import io.askflow.testsupport.AskflowIntegrationTest;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** MedQuAD's original layout: folders of XML pages, as in src/test/resources/medquad-xml. */
@AskflowIntegrationTest
class KnowledgeXmlImportTest {

    @Autowired KnowledgeImport knowledgeImport;
    @Autowired JdbcTemplate jdbc;

    private static Path folder() throws URISyntaxException {
        return Path.of(KnowledgeXmlImportTest.class.getResource("/medquad-xml").toURI());
    }

    @Test
    void importsEveryQaPairOfAFolderUnderTheJsonLinesIdsAndSkipsBadOnes() throws URISyntaxException {
        ImportSummary summary = knowledgeImport.importFile(folder(), line -> { });

        assertThat(summary.skippedLines()).containsExactly("2_GARD_QA/9990003.xml: not XML",
                "6_NINDS_QA/9990001.xml QAPair 3: no question");
        assertThat(jdbc.queryForList("select id from knowledge_record where id like '%\\_999000_\\_Sec%' order by id",
                String.class)).containsExactly("GARD_9990002_Sec1", "NINDS_9990001_Sec1", "NINDS_9990001_Sec2");
        Map<String, Object> treatment = jdbc.queryForMap("""
                select source, url, focus, synonyms::text, category, semantic_group, cuis::text, qtype, question, answer
                from knowledge_record where id = 'NINDS_9990001_Sec2'""");
        assertThat(treatment).containsEntry("source", "NINDS")
                .containsEntry("url", "http://www.ninds.nih.gov/disorders/dystonias/dystonias.htm")
                .containsEntry("focus", "Focal Hand Dystonia")
                .containsEntry("synonyms", "[\"Writer's cramp\", \"Musician's cramp\"]")
                .containsEntry("category", "Disease").containsEntry("semantic_group", "Disorders")
                .containsEntry("cuis", "[\"C0013421\"]").containsEntry("qtype", "treatment")
                .containsEntry("question", "What are the treatments for Focal Hand Dystonia ?");
        assertThat((String) treatment.get("answer")).startsWith("Injections of botulinum toxin");
        assertThat(jdbc.queryForObject("select answer from knowledge_record where id = 'GARD_9990002_Sec1'",
                String.class)).isEmpty();
    }

    @Test
    void reimportingTheFolderOrOneOfItsFilesChangesNothing() throws URISyntaxException {
        knowledgeImport.importFile(folder(), line -> { });

        ImportSummary again = knowledgeImport.importFile(folder(), line -> { });
        ImportSummary oneFile = knowledgeImport.importFile(folder().resolve("6_NINDS_QA/9990001.xml"), line -> { });

        assertThat(again.imported() + again.updated()).isZero();
        assertThat(again.unchanged()).isEqualTo(3);
        assertThat(oneFile.read()).isEqualTo(3);
        assertThat(oneFile.unchanged()).isEqualTo(2);
        assertThat(oneFile.skippedLines()).containsExactly("9990001.xml QAPair 3: no question");
    }
}
