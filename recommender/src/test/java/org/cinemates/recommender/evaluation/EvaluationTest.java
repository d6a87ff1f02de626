package org.cinemates.recommender.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.cinemates.recommender.data.IdIndex;
import org.cinemates.recommender.data.Ratings;
import org.cinemates.recommender.model.Predictor;
import org.cinemates.recommender.model.Relevance;
import org.junit.jupiter.api.Test;

/**
 * The evaluation of fixed predictions on 3 users × 5 items, every figure worked out by hand.
 *
 * <pre>
 *          training          held out (relevant: 4 or more)
 *   A      i0=5  i1=3        i2=4  i3=2  i4=5     relevant {i2, i4}
 *   B      i2=4              i0=4.5  i1=1         relevant {i0}
 *   C      i0=2  i3=4        i1=3                 nothing relevant: not ranked
 * </pre>
 */
class EvaluationTest {

    private static final IdIndex USERS = IdIndex.of(1, 2, 3);
    private static final IdIndex ITEMS = IdIndex.of(10, 11, 12, 13, 14);
    private static final int A = 0;
    private static final int B = 1;
    private static final int C = 2;

    private final Ratings training = Ratings.builder(USERS, ITEMS, 8)
            .addIndexed(A, 0, 5f)
            .addIndexed(A, 1, 3f)
            .addIndexed(B, 2, 4f)
            .addIndexed(C, 0, 2f)
            .addIndexed(C, 3, 4f)
            .build();

    private final Ratings test = Ratings.builder(USERS, ITEMS, 8)
            .addIndexed(A, 2, 4f)
            .addIndexed(A, 3, 2f)
            .addIndexed(A, 4, 5f)
            .addIndexed(B, 0, 4.5f)
            .addIndexed(B, 1, 1f)
            .addIndexed(C, 1, 3f)
            .build();

    /** Predictions: errors -0.5, +1, 0 (A), -0.5, +1 (B), 0 (C). */
    private static final float[][] PREDICTIONS = {
        {0, 0, 3.5f, 3.0f, 5.0f},
        {4.0f, 2.0f, 0, 0, 0},
        {0, 3.0f, 0, 0, 0}
    };

    /**
     * Rankings: A, without its training items i0 and i1, gets i3, i4, i2 (hits at ranks 2 and 3); B,
     * without i2, gets i4, i3, i1, i0 (its one hit at rank 4).
     */
    private static final float[][] SCORES = {
        {9, 8, 1, 7, 5},
        {1, 2, 9, 3, 4},
        {5, 4, 3, 2, 1}
    };

    private final Predictor fixed = new Predictor() {
        @Override
        public double predict(int user, int item) {
            return PREDICTIONS[user][item];
        }

        @Override
        public void scoreItems(int user, float[] scores) {
            System.arraycopy(SCORES[user], 0, scores, 0, scores.length);
        }
    };

    @Test
    void scoresRatingPredictionOverEveryHeldOutRating() {
        Evaluation.FoldScores scores = Evaluation.score(fixed, training, test, Relevance.LIKED);

        // squared errors 0.25 + 1 + 0 + 0.25 + 1 + 0 = 2.5 over 6 ratings; absolute errors sum to 3
        assertThat(scores.rmse()).isCloseTo(Math.sqrt(2.5 / 6), within(1e-9));
        assertThat(scores.rmse()).isCloseTo(0.6454972, within(1e-7));
        assertThat(scores.mae()).isCloseTo(0.5, within(1e-9));
    }

    @Test
    void ranksEveryItemButTheTrainingOnesForUsersWithSomethingRelevant() {
        Evaluation.FoldScores scores = Evaluation.score(fixed, training, test, Relevance.LIKED);

        // A: (1/log2 3 + 1/log2 4) / (1 + 1/log2 3) = 1.1309298 / 1.6309298 = 0.6934264
        // B: (1/log2 5) / 1 = 0.4306766; mean over the two ranked users = 0.5620515
        assertThat(scores.rankedUsers()).isEqualTo(2);
        assertThat(scores.ndcg10()).isCloseTo(0.5620515, within(1e-7));
        assertThat(scores.recall10()).isEqualTo(1.0);
        assertThat(scores.recall20()).isEqualTo(1.0);
        assertThat(scores.hit10()).isEqualTo(1.0);
    }

    @Test
    void everyHeldOutRatingCountsUnderTheAllRule() {
        Evaluation.FoldScores liked = Evaluation.score(fixed, training, test, Relevance.LIKED);
        Evaluation.FoldScores all = Evaluation.score(fixed, training, test, Relevance.ALL);

        // C's 3-star rating counts now: C is ranked too.
        assertThat(liked.rankedUsers()).isEqualTo(2);
        assertThat(all.rankedUsers()).isEqualTo(3);
        assertThat(all.ndcg10()).isNotEqualTo(liked.ndcg10());
    }

    @Test
    void coverageAndPopularityRankDescribeWhatTheTopTensShow() {
        Evaluation.FoldScores scores = Evaluation.score(fixed, training, test, Relevance.LIKED);

        // A's list is i3, i4, i2 and B's i4, i3, i1, i0: all five items shown. Training counts 2, 1, 1, 1, 0
        // rank i0..i4 as 1..5, so the seven places hold ranks 4 + 5 + 3 + 5 + 4 + 2 + 1 = 24.
        assertThat(scores.coverage10()).isEqualTo(1.0);
        assertThat(scores.popularityRank10()).isCloseTo(24.0 / 7, within(1e-9));
    }
}
