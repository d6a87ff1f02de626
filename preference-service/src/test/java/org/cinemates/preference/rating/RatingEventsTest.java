package org.cinemates.preference.rating;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** The event contract's rule: one event per rating change, or none. */
class RatingEventsTest {

    private static Rating rating(String score, @Nullable String review) {
        return new Rating(1, 2, new BigDecimal(score), review, Instant.EPOCH);
    }

    @Test
    void aNewRatingIsRated() {
        assertThat(RatingEvents.typeOf(null, rating("4.0", null))).contains("RATED");
    }

    @Test
    void aNewRatingWithAReviewIsReviewed() {
        assertThat(RatingEvents.typeOf(null, rating("4.0", "Fine"))).contains("REVIEWED");
    }

    @Test
    void aChangedScoreIsRated() {
        assertThat(RatingEvents.typeOf(rating("4.0", null), rating("3.5", null)))
                .contains("RATED");
        assertThat(RatingEvents.typeOf(rating("4.0", "Fine"), rating("3.5", "Fine")))
                .contains("RATED");
    }

    @Test
    void aNewOrChangedReviewIsReviewedWhateverTheScore() {
        assertThat(RatingEvents.typeOf(rating("4.0", null), rating("4.0", "Fine")))
                .contains("REVIEWED");
        assertThat(RatingEvents.typeOf(rating("4.0", "Fine"), rating("2.0", "Worse")))
                .contains("REVIEWED");
    }

    @Test
    void nothingNewIsNoEvent() {
        assertThat(RatingEvents.typeOf(rating("4.0", "Fine"), rating("4.0", "Fine")))
                .isEmpty();
        assertThat(RatingEvents.typeOf(rating("4.0", null), rating("4.00", null)))
                .as("the same score written differently")
                .isEmpty();
    }

    @Test
    void aReviewTakenBackIsNoEvent() {
        assertThat(RatingEvents.typeOf(rating("4.0", "Fine"), rating("4.0", null)))
                .isEmpty();
    }

    @Test
    void payloadsCarryWhatTheContractNames() {
        assertThat(RatingEvents.payload("RATED", rating("4.5", "ignored")))
                .containsOnlyKeys("userId", "movieId", "score");
        assertThat(RatingEvents.payload("REVIEWED", rating("4.5", "Fine")))
                .containsOnlyKeys("userId", "movieId", "score", "review")
                .containsEntry("review", "Fine");
        assertThat(RatingEvents.payload("RATING_DELETED", rating("4.5", "Fine")))
                .containsOnlyKeys("userId", "movieId");
    }
}
