package io.askflow.question.archive;

import static org.assertj.core.api.Assertions.assertThat;

import io.askflow.testsupport.AskflowIntegrationTest;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The archive's search is answered from its own indexes, whatever is searched, so its cost follows the matches, not
 * the size of the archive. With sequential scans made as costly as PostgreSQL can make them and the archive's
 * listing index out of the way (dropped inside a transaction that is rolled back; on a small table it would be the
 * cheapest way to read every published question), the plan must use the search indexes. A condition no index
 * serves (an ilike on a column, as before V4) leaves the planner nothing but a sequential scan.
 * <p>
 * Trigrams need three characters: a two-character search in Chinese (頭痛) is still checked against every published
 * question (through the index's predicate, not the table), which needs a bigram index (pg_bigm) to avoid.
 */
@AskflowIntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)   // as every class: one shared context
class ArchiveSearchPlanTest {

    @Autowired JdbcTemplate jdbc;
    @Autowired TransactionTemplate transactions;

    @ParameterizedTest
    @ValueSource(strings = {"palsy", "facial nerve", "偏頭痛"})
    void noSearchReadsTheWholeTable(String words) {
        List<String> plan = transactions.execute(status -> {
            status.setRollbackOnly();
            jdbc.execute("set local enable_seqscan = off");
            jdbc.execute("drop index question_public_idx");
            return jdbc.queryForList("explain " + ArchiveRepository.SEARCH, String.class,
                    words, "%" + words + "%", words, 20);
        });
        assertThat(plan).as(String.join("\n", plan)).noneMatch(line -> line.contains("Seq Scan"))
                .as("the words, by the full-text index")
                .anyMatch(line -> line.contains("Index Cond:") && line.contains("@@"))
                .as("the text as typed, by the trigram index")
                .anyMatch(line -> line.contains("Index Cond:") && line.contains("~~*"));
    }
}
