package io.askflow.enrichment.ranking;

import static org.assertj.core.api.Assertions.assertThat;

import io.askflow.enrichment.index.Fields;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.junit.jupiter.api.Test;

class QuestionTypesTest {

    private static List<String> analyzed(String question) {
        try (Analyzer analyzer = Fields.analyzer()) {
            return Fields.terms(analyzer, question);
        }
    }

    @Test
    void everyFormOfACueWordCounts() {
        assertThat(QuestionTypes.of(analyzed("Which treatment works for a frozen shoulder?")))
                .containsExactly("treatment");
        assertThat(QuestionTypes.of(analyzed("My shoulder was treated twice"))).containsExactly("treatment");
        assertThat(QuestionTypes.of(analyzed("They gave no diagnosis for my cough")))
                .containsExactly("exams and tests");
    }

    @Test
    void phrasesCountOnlyAsAWhole() {
        assertThat(QuestionTypes.of(analyzed("Was my clubfoot passed down from my father?")))
                .containsExactly("inheritance");
        assertThat(QuestionTypes.of(analyzed("How common are bunions in teenagers?"))).containsExactly("frequency");
        assertThat(QuestionTypes.of(analyzed("I feel down and common colds keep coming"))).isEmpty();
    }

    @Test
    void severalKindsComeInTheOrderAsked() {
        assertThat(QuestionTypes.of(analyzed("Can gout be prevented, and what causes the attacks?")))
                .containsExactly("prevention", "causes");
    }
}
