package io.askflow.enrichment.ranking;

import static org.assertj.core.api.Assertions.assertThat;

import io.askflow.enrichment.index.IndexFixtures;
import io.askflow.enrichment.index.SearchIndex;
import io.askflow.enrichment.knowledge.KnowledgeRecord;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the search ranks pages for questions written the way patients write, on a small real index. */
class SearchRankingTest {

    @TempDir Path folder;
    private SearchIndex index;
    private PageRanking ranking;

    @BeforeEach
    void index() throws IOException {
        index = IndexFixtures.open(folder);
        section("T_1_Sec1", "Psoriasis", List.of(), "information",
                "Psoriasis is a skin disease that causes red, scaly patches, often on elbows and knees.");
        section("T_2_Sec1", "Elbow pain", List.of("Pain - elbow"), "information",
                "Elbow pain can come from sports, a fall or arthritis.");
        section("T_3_Sec1", "Dementia", List.of("Senile dementia"), "information",
                "Dementia is a loss of memory and thinking that gets worse over time.");
        section("T_4_Sec1", "Dementia with Lewy bodies", List.of(), "information",
                "In this dementia, protein deposits in the brain cause hallucinations and movement problems.");
        section("T_5_Sec1", "Hay fever", List.of("Allergic rhinitis"), "information",
                "Hay fever is an allergy to pollen that makes the nose run and the eyes itch.");
        section("T_6_Sec1", "Allergic rhinitis", List.of(), "treatment",
                "Antihistamines and nasal steroid sprays calm the runny nose and itchy eyes.");
        section("T_7_Sec1", "Common cold", List.of(), "information",
                "A cold is a viral infection of the nose and throat, sometimes with a mild fever and sneezing.");
        IndexFixtures.commit(index);
        ranking = new PageRanking(index);
    }

    @AfterEach
    void close() throws IOException {
        index.destroy();
    }

    private void section(String id, String focus, List<String> synonyms, String qtype, String answer)
            throws IOException {
        IndexFixtures.put(index, new KnowledgeRecord(id, "TEST", null, focus, synonyms, null, null, null, qtype,
                "What is (are) " + focus + " ?", answer), 1);
    }

    private List<String> pages(String question) {
        return ranking.search(SearchRequest.knowledge(question, 10)).stream().map(Hit::page).toList();
    }

    @Test
    void aMisspelledDiseaseStillNamesTheTopic() {
        assertThat(pages("what can i put on my elbows for psoraisis, it itches")).first().isEqualTo("T_1");
    }

    @Test
    void aNameInAnotherOrderStillNamesTheTopic() {
        assertThat(pages("My dad was told he has Lewy body dementia. What should we expect?")).first()
                .isEqualTo("T_4");
    }

    @Test
    void aPageThatNamesTheTopicAnotherWayIsStillOnTheTopic() {
        assertThat(pages("Hay fever every spring, sneezing all day. What helps?")).containsSubsequence("T_6", "T_7");
    }
}
