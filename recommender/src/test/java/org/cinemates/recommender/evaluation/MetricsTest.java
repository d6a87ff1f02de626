package org.cinemates.recommender.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Set;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;

/** Metric values worked out by hand (log2 3 = 1.5849625, log2 5 = 2.3219281, log2 6 = 2.5849625). */
class MetricsTest {

    private static final int[] TWENTY = {100, 1, 2, 3, 101, 4, 5, 6, 7, 8, 102, 9, 10, 11, 103, 12, 13, 14, 15, 16};

    /** Twelve relevant items, four of them ranked: at ranks 1, 5, 11 and 15. */
    private static final IntPredicate RELEVANT =
            Set.of(100, 101, 102, 103, 200, 201, 202, 203, 204, 205, 206, 207)::contains;

    @Test
    void ndcgDiscountsHitsByRankAgainstTheIdealTopTen() {
        // DCG = 1/log2(2) + 1/log2(6) = 1.3868528; ideal = Σ_{r=1..10} 1/log2(r+1) = 4.5435593
        assertThat(Metrics.ndcg(TWENTY, RELEVANT, 12, 10)).isCloseTo(0.3052349, within(1e-6));
    }

    @Test
    void recallDividesByTheRelevantCountOrNWhicheverIsSmaller() {
        assertThat(Metrics.recall(TWENTY, RELEVANT, 12, 10)).isCloseTo(2.0 / 10, within(1e-12));
        assertThat(Metrics.recall(TWENTY, RELEVANT, 12, 20)).isCloseTo(4.0 / 12, within(1e-12));
        assertThat(Metrics.recall(new int[] {5, 100}, RELEVANT, 1, 10)).isEqualTo(1.0);
    }

    @Test
    void hitRateCountsAnyHitInTheTopN() {
        assertThat(Metrics.hit(TWENTY, RELEVANT, 10)).isEqualTo(1.0);
        assertThat(Metrics.hit(new int[] {1, 2, 3}, RELEVANT, 10)).isZero();
        assertThat(Metrics.ndcg(new int[] {1, 2, 3}, RELEVANT, 12, 10)).isZero();
    }

    @Test
    void aPerfectRankingScoresOne() {
        int[] perfect = {100, 101, 1};
        IntPredicate relevant = Set.of(100, 101)::contains;
        assertThat(Metrics.ndcg(perfect, relevant, 2, 10)).isCloseTo(1.0, within(1e-12));
        assertThat(Metrics.recall(perfect, relevant, 2, 10)).isEqualTo(1.0);
    }

    @Test
    void rmseAndMaeOfKnownErrors() {
        double[] predicted = {3.5, 3.0, 5.0, 4.0};
        double[] actual = {4.0, 2.0, 5.0, 4.5};
        // errors -0.5, 1, 0, -0.5: squares sum to 1.5
        assertThat(Metrics.rmse(predicted, actual)).isCloseTo(Math.sqrt(1.5 / 4), within(1e-12));
        assertThat(Metrics.mae(predicted, actual)).isCloseTo(2.0 / 4, within(1e-12));
    }
}
