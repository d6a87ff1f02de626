package org.cinemates.recommender.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.cinemates.recommender.TestData;
import org.cinemates.recommender.data.Ratings;
import org.junit.jupiter.api.Test;

class NeighboursTest {

    private static final int ITEMS = 40;
    private static final Ratings RATINGS = TestData.twoTastes(120, ITEMS, 20, 11);

    @Test
    void similaritiesAreShrunkPearsonCorrelationsOfBaselineResidualsOverCommonRaters() {
        Biases biases = Biases.fit(RATINGS);
        int[] items = {0, 3, 7, 20, 33};
        float[] similarity = Neighbours.similarities(RATINGS, biases, items);

        for (int a = 0; a < items.length; a++) {
            for (int b = 0; b < items.length; b++) {
                double expected = a == b ? 1 : pearsonBaseline(biases, items[a], items[b]);
                assertThat((double) similarity[a * items.length + b])
                        .as("items %d and %d", items[a], items[b])
                        .isCloseTo(expected, within(1e-5));
            }
        }
    }

    @Test
    void anEstimateIsTheBaselinePlusTheSimilarityWeightedResidualsOfTheRatedNeighbours() {
        int[] all = IntStream.range(0, RATINGS.itemCount()).toArray();
        Neighbours neighbours = Neighbours.fit(RATINGS, all);
        Biases biases = Biases.fit(RATINGS);
        float[] similarity = Neighbours.similarities(RATINGS, biases, all);
        // Ids 2, 3 and 6 are in the first half of the items, 31 and 32 in the second.
        int[] rated = IntStream.of(2, 3, 6, 31, 32)
                .map(NeighboursTest::index)
                .sorted()
                .toArray();
        float[] scores = new float[rated.length];
        for (int k = 0; k < rated.length; k++) {
            scores[k] = RATINGS.items().id(rated[k]) <= ITEMS / 2 ? 4.5f : 1.5f;
        }
        float bias = neighbours.userBias(rated, scores);

        assertThat((double) bias)
                .isCloseTo(
                        IntStream.range(0, rated.length)
                                        .mapToDouble(k -> scores[k] - biases.mean() - biases.item()[rated[k]])
                                        .sum()
                                / (Biases.USER_REGULARIZATION + rated.length),
                        within(1e-5));
        for (int item : new int[] {0, 10, 35}) {
            double weighted = 0;
            double total = 0;
            for (int k = 0; k < rated.length; k++) {
                double s = Math.round(Math.max(0, similarity[item * all.length + rated[k]]) * 32767.0) / 32767.0;
                weighted += s * (scores[k] - (biases.mean() + bias + biases.item()[rated[k]]));
                total += s;
            }
            double baseline = biases.mean() + bias + biases.item()[item];
            double expected = total > 0 ? baseline + weighted / total : baseline;
            assertThat(neighbours.estimate(rated, scores, bias, item))
                    .as("item %d", item)
                    .isCloseTo(expected, within(1e-4));
        }
        // The two tastes: a lover of the first half is predicted to like it and to dislike the second.
        assertThat(neighbours.estimate(rated, scores, bias, 0))
                .isGreaterThan(neighbours.estimate(rated, scores, bias, 35));
    }

    @Test
    void anItemWithoutNeighboursGetsItsBaselineAndOnlyTheChosenItemsAreNeighbours() {
        int[] chosen = {0, 1, 2, 3};
        Neighbours neighbours = Neighbours.fit(RATINGS, chosen);
        int[] rated = {1, 2, 25};
        float[] scores = {5, 4, 2};
        float bias = neighbours.userBias(rated, scores);

        assertThat(neighbours.estimate(rated, scores, bias, 30)).isEqualTo(neighbours.baseline(bias, 30));
        // Item 25 is rated but not chosen: leaving it out changes nothing.
        float[] twoScores = Arrays.copyOf(scores, 2);
        assertThat(neighbours.estimate(Arrays.copyOf(rated, 2), twoScores, bias, 0))
                .isEqualTo(neighbours.estimate(rated, scores, bias, 0));
        // Nothing rated among the chosen items: the baseline.
        assertThat(neighbours.estimate(new int[] {25}, new float[] {2}, bias, 0))
                .isEqualTo(neighbours.baseline(bias, 0));
    }

    private static int index(long id) {
        return RATINGS.items().indexOf(id);
    }

    private static double pearsonBaseline(Biases biases, int i, int j) {
        double xy = 0;
        double xx = 0;
        double yy = 0;
        int common = 0;
        for (int u = 0; u < RATINGS.userCount(); u++) {
            float si = RATINGS.score(u, i);
            float sj = RATINGS.score(u, j);
            if (Float.isNaN(si) || Float.isNaN(sj)) {
                continue;
            }
            double ri = si - biases.estimate(u, i);
            double rj = sj - biases.estimate(u, j);
            xy += ri * rj;
            xx += ri * ri;
            yy += rj * rj;
            common++;
        }
        if (common == 0 || xx * yy == 0) {
            return 0;
        }
        return (common - 1) / (common - 1 + Neighbours.SHRINKAGE) * xy / Math.sqrt(xx * yy);
    }
}
