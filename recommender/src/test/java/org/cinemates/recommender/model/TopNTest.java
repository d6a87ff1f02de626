package org.cinemates.recommender.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TopNTest {

    @Test
    void picksTheHighestScoresBestFirstWithTiesToTheLowerIndex() {
        float[] scores = {0.5f, 3f, 1f, 3f, Float.NaN, 2f, -1f};

        assertThat(TopN.select(scores, 3, item -> false)).containsExactly(1, 3, 5);
        assertThat(TopN.select(scores, 10, item -> false)).containsExactly(1, 3, 5, 2, 0, 6);
        assertThat(TopN.select(scores, 0, item -> false)).isEmpty();
    }

    @Test
    void skipsExcludedItems() {
        float[] scores = {0.5f, 3f, 1f, 3f, 2f};

        assertThat(TopN.select(scores, 2, item -> item == 1 || item == 4)).containsExactly(3, 2);
    }
}
