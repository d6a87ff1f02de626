package org.cinemates.recommender.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import org.cinemates.recommender.TestData;
import org.cinemates.recommender.data.Ratings;
import org.junit.jupiter.api.Test;

class FoldsTest {

    private final Ratings ratings = TestData.twoTastes(50, 40, 23, 1);

    @Test
    void theSameSeedGivesTheSameFolds() {
        Folds first = Folds.split(ratings, 5, 42);
        Folds second = Folds.split(ratings, 5, 42);
        Folds other = Folds.split(ratings, 5, 43);

        boolean differs = false;
        for (int p = 0; p < ratings.size(); p++) {
            assertThat(first.part(p)).isEqualTo(second.part(p));
            differs |= first.part(p) != other.part(p);
        }
        assertThat(differs).isTrue();
    }

    @Test
    void foldsPartitionEachUsersRatingsEvenly() {
        Folds folds = Folds.split(ratings, 5, 42);

        for (int u = 0; u < ratings.userCount(); u++) {
            int count = ratings.userRatingCount(u);
            int total = 0;
            for (int fold = 0; fold < 5; fold++) {
                int held = folds.test(fold).userRatingCount(u);
                assertThat(held).isBetween(count / 5, count / 5 + 1);
                assertThat(folds.training(fold).userRatingCount(u)).isEqualTo(count - held);
                total += held;
            }
            assertThat(total).isEqualTo(count);
        }
        for (int fold = 0; fold < 5; fold++) {
            Ratings training = folds.training(fold);
            Ratings test = folds.test(fold);
            assertThat(training.size() + test.size()).isEqualTo(ratings.size());
            for (int u = 0; u < test.userCount(); u++) {
                for (int p = test.userStart(u); p < test.userEnd(u); p++) {
                    assertThat(training.hasRated(u, test.itemAt(p))).isFalse();
                }
            }
        }
    }
}
