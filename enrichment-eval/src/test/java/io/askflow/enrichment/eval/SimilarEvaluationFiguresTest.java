package io.askflow.enrichment.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.askflow.enrichment.eval.SimilarEvaluation.Figures;
import io.askflow.enrichment.eval.SimilarEvaluation.Judged;
import io.askflow.enrichment.eval.SimilarEvaluation.Ranking;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The evaluation's arithmetic, on rankings written out by hand. */
class SimilarEvaluationFiguresTest {

    private static final Judged GOOD_P1 = new Judged("q1", "", Map.of("P1", 4, "P2", 1));

    @Test
    void hitsAndReciprocalRankCountTheFirstGoodPage() {
        Figures figures = Figures.of(List.of(
                new Ranking(GOOD_P1, List.of("P1", "P2")),
                new Ranking(GOOD_P1, List.of("X", "P2", "Y", "P1")),
                new Ranking(GOOD_P1, List.of("X", "Y", "Z", "W", "V", "P1")),
                new Ranking(GOOD_P1, List.of("P2"))));

        assertThat(figures.questions()).isEqualTo(4);
        assertThat(figures.hitAt1()).isEqualTo(0.25);
        assertThat(figures.hitAt5()).isEqualTo(0.5);
        assertThat(figures.mrrAt10()).isCloseTo((1 + 1.0 / 4 + 1.0 / 6) / 4, within(1e-9));
    }

    @Test
    void judgedOnlyHitAt1SkipsThePagesTheJudgesNeverSaw() {
        Figures figures = Figures.of(List.of(
                new Ranking(GOOD_P1, List.of("unjudged", "P1")),
                new Ranking(GOOD_P1, List.of("unjudged", "P2", "P1")),
                new Ranking(GOOD_P1, List.of("unjudged"))));

        assertThat(figures.hitAt1()).isZero();
        assertThat(figures.judgedOnlyHitAt1()).as("only the first ranking's first judged page is good")
                .isCloseTo(1.0 / 3, within(1e-9));
    }

    @Test
    void theIntervalOfHitAt1IsWilsons() {
        List<Ranking> half = new ArrayList<>();
        for (int i = 0; i < 38; i++) {
            half.add(new Ranking(GOOD_P1, List.of(i < 21 ? "P1" : "P2")));
        }

        Figures figures = Figures.of(half);

        // 21 of 38 (B's figure): Wilson's 95 % interval, computed apart from this code, is 0.397 to 0.699
        assertThat(figures.hitAt1()).isCloseTo(21.0 / 38, within(1e-9));
        assertThat(figures.hitAt1Low()).isCloseTo(0.397, within(0.001));
        assertThat(figures.hitAt1High()).isCloseTo(0.699, within(0.001));
    }

    @Test
    void noQuestionsGiveZerosNotAnError() {
        assertThat(Figures.of(List.of())).isEqualTo(new Figures(0, 0, 0, 0, 0, 0, 0));
    }

    @Test
    void aQuestionCountsOnlyWithAPageJudgedThreeOrFour() {
        assertThat(new Judged("q", "", Map.of("P", 3)).hasGoodPage()).isTrue();
        assertThat(new Judged("q", "", Map.of("P", 2, "Q", 1)).hasGoodPage()).isFalse();
        assertThat(new Judged("q", "", Map.of("P", 4, "Q", 2)).goodPages()).containsExactly("P");
    }
}
