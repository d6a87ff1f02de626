package org.cinemates.recommender.data;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RatingsTest {

    private final Ratings ratings = Ratings.builder()
            .add(10, 100, 4f)
            .add(20, 300, 1f)
            .add(10, 200, 3f)
            .add(20, 100, 5f)
            .add(30, 300, 2f)
            .build();

    @Test
    void keepsEachUsersItemsAscendingWithTheirScores() {
        int user10 = ratings.users().indexOf(10);
        assertThat(ratings.userRatingCount(user10)).isEqualTo(2);
        assertThat(ratings.itemsOf(user10))
                .containsExactly(ratings.items().indexOf(100), ratings.items().indexOf(200));
        assertThat(ratings.scoreAt(ratings.userStart(user10))).isEqualTo(4f);
        assertThat(ratings.hasRated(user10, ratings.items().indexOf(300))).isFalse();
    }

    @Test
    void indexesTheSameRatingsByItem() {
        int item100 = ratings.items().indexOf(100);
        assertThat(ratings.itemRatingCount(item100)).isEqualTo(2);
        assertThat(ratings.userAt(ratings.itemStart(item100)))
                .isEqualTo(ratings.users().indexOf(10));
        assertThat(ratings.itemScoreAt(ratings.itemStart(item100))).isEqualTo(4f);
        assertThat(ratings.itemScoreAt(ratings.itemStart(item100) + 1)).isEqualTo(5f);
    }

    @Test
    void filteringKeepsTheIndexes() {
        Ratings high = ratings.filter(p -> ratings.scoreAt(p) >= 3);

        assertThat(high.size()).isEqualTo(3);
        assertThat(high.userCount()).isEqualTo(3);
        assertThat(high.itemCount()).isEqualTo(3);
        assertThat(high.userRatingCount(ratings.users().indexOf(30))).isZero();
        assertThat(high.score(ratings.users().indexOf(20), ratings.items().indexOf(100)))
                .isEqualTo(5f);
        assertThat(high.mean()).isEqualTo(4.0);
        assertThat(high.hasTimes()).isFalse();
    }

    @Test
    void timesFollowTheirRatingsThroughSortingAndFiltering() {
        Ratings timed = Ratings.builder()
                .add(10, 300, 4f, 2_000_000_300L)
                .add(10, 100, 2f, 2_000_000_100L)
                .add(10, 200, 5f, 2_000_000_200L)
                .build();
        Ratings liked = timed.filter(p -> timed.scoreAt(p) >= 4);

        for (Ratings r : new Ratings[] {timed, liked}) {
            for (int p = 0; p < r.size(); p++) {
                long itemId = r.items().id(r.itemAt(p));
                assertThat(r.timeAt(p)).isEqualTo(Ratings.time(2_000_000_000L + itemId));
            }
        }
        assertThat(liked.size()).isEqualTo(2);
        assertThat(Ratings.time(0)).isZero();
        assertThat(Ratings.time(Long.MAX_VALUE)).isEqualTo(Integer.MAX_VALUE - 1);
    }
}
