package org.cinemates.preference.rating;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import org.cinemates.platform.events.Rated;
import org.cinemates.platform.events.RatingDeleted;
import org.cinemates.platform.events.Reviewed;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** The event contract's rule: one event per rating change, or none. */
class RatingEventsTest {

    private static Rating rating(String score, @Nullable String review) {
        return new Rating(1, 2, new BigDecimal(score), review, Instant.EPOCH);
    }

    @Test
    void aNewRatingIsRated() {
        assertThat(RatingEvents.of(null, rating("4.0", null))).contains(new Rated(1, 2, new BigDecimal("4.0")));
    }

    @Test
    void aNewRatingWithAReviewIsReviewed() {
        assertThat(RatingEvents.of(null, rating("4.0", "Fine")))
                .contains(new Reviewed(1, 2, new BigDecimal("4.0"), "Fine"));
    }

    @Test
    void aChangedScoreIsRated() {
        assertThat(RatingEvents.of(rating("4.0", null), rating("3.5", null)))
                .contains(new Rated(1, 2, new BigDecimal("3.5")));
        assertThat(RatingEvents.of(rating("4.0", "Fine"), rating("3.5", "Fine")))
                .as("the review is not news again")
                .contains(new Rated(1, 2, new BigDecimal("3.5")));
    }

    @Test
    void aNewOrChangedReviewIsReviewedWhateverTheScore() {
        assertThat(RatingEvents.of(rating("4.0", null), rating("4.0", "Fine")))
                .contains(new Reviewed(1, 2, new BigDecimal("4.0"), "Fine"));
        assertThat(RatingEvents.of(rating("4.0", "Fine"), rating("2.0", "Worse")))
                .contains(new Reviewed(1, 2, new BigDecimal("2.0"), "Worse"));
    }

    @Test
    void nothingNewIsNoEvent() {
        assertThat(RatingEvents.of(rating("4.0", "Fine"), rating("4.0", "Fine")))
                .isEmpty();
        assertThat(RatingEvents.of(rating("4.0", null), rating("4.00", null)))
                .as("the same score written differently")
                .isEmpty();
    }

    @Test
    void aReviewTakenBackIsNoEvent() {
        assertThat(RatingEvents.of(rating("4.0", "Fine"), rating("4.0", null))).isEmpty();
    }

    @Test
    void aDeletedRatingNamesOnlyTheMovie() {
        assertThat(RatingEvents.deleted(rating("4.5", "Fine"))).isEqualTo(new RatingDeleted(1, 2));
    }
}
