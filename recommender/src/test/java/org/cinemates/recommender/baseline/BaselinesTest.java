package org.cinemates.recommender.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.cinemates.recommender.TestData;
import org.cinemates.recommender.data.Ratings;
import org.cinemates.recommender.model.Biases;
import org.cinemates.recommender.model.Predictor;
import org.cinemates.recommender.model.TopN;
import org.junit.jupiter.api.Test;

class BaselinesTest {

    private static final int ITEMS = 40;
    private final Ratings ratings = TestData.twoTastes(60, ITEMS, 20, 5);

    @Test
    void globalMeanPredictsTheMeanOfAllRatings() {
        Predictor predictor = new GlobalMean().fit(ratings);

        assertThat(predictor.predict(0, 0)).isEqualTo(ratings.mean());
    }

    @Test
    void biasesMatchHandWorkedAlternatingLeastSquares() {
        // Two users, two items: u0 rates i0 4 and i1 2, u1 rates i0 5. μ = 11/3.
        Ratings tiny =
                Ratings.builder().add(1, 1, 4f).add(1, 2, 2f).add(2, 1, 5f).build();
        Biases one = Biases.fit(tiny, 1, 10, 15);
        double mean = 11.0 / 3;
        // First items (user biases still 0), then users with the new item biases.
        double item0 = ((4 - mean) + (5 - mean)) / (10 + 2);
        double item1 = (2 - mean) / (10 + 1);
        double user0 = ((4 - mean - item0) + (2 - mean - item1)) / (15 + 2);
        assertThat(one.item()[0]).isCloseTo((float) item0, within(1e-6f));
        assertThat(one.item()[1]).isCloseTo((float) item1, within(1e-6f));
        assertThat(one.user()[0]).isCloseTo((float) user0, within(1e-6f));
        assertThat(one.estimate(0, 1)).isCloseTo(mean + user0 + item1, within(1e-6));
    }

    @Test
    void popularityRanksByHowManyRatedAnItem() {
        Ratings counted = Ratings.builder()
                .add(1, 10, 1f)
                .add(2, 10, 1f)
                .add(3, 10, 2f)
                .add(1, 20, 5f)
                .add(2, 30, 5f)
                .add(3, 30, 5f)
                .build();
        float[] scores = new float[3];
        new Popularity().fit(counted).scoreItems(0, scores);

        int[] ranked = TopN.select(scores, 3, item -> false);
        assertThat(ranked)
                .containsExactly(
                        counted.items().indexOf(10),
                        counted.items().indexOf(30),
                        counted.items().indexOf(20));
    }

    @Test
    void itemKnnPredictsFromSimilarItemsTheUserRated() {
        Predictor knn = new ItemKnnBaseline().fit(ratings);
        int lover = ratings.users().indexOf(2); // group 0: loves the first half

        float[] scores = new float[ratings.itemCount()];
        knn.scoreItems(lover, scores);
        for (int item = 0; item < ratings.itemCount(); item++) {
            // the all-items pass and the one-item path agree
            assertThat((double) scores[item]).isCloseTo(rawOrClipped(knn, lover, item, scores[item]), within(1e-5));
        }
        int liked = ratings.items().indexOf(3);
        int disliked = ratings.items().indexOf(ITEMS);
        assertThat(knn.predict(lover, liked)).isGreaterThan(knn.predict(lover, disliked) + 2);
    }

    private static double rawOrClipped(Predictor knn, int user, int item, float raw) {
        double clipped = knn.predict(user, item);
        return raw < 0.5 || raw > 5 ? raw : clipped;
    }

    @Test
    void baselineOnlyPredictsWithinTheScale() {
        Predictor predictor = new BaselineOnly().fit(ratings);

        for (int u = 0; u < ratings.userCount(); u++) {
            assertThat(predictor.predict(u, 0)).isBetween(0.5, 5.0);
        }
    }
}
