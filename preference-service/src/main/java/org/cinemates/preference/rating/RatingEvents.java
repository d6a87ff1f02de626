package org.cinemates.preference.rating;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;
import org.cinemates.platform.events.CinematesEvent;
import org.cinemates.platform.events.Rated;
import org.cinemates.platform.events.RatingDeleted;
import org.cinemates.platform.events.Reviewed;
import org.jspecify.annotations.Nullable;

/**
 * What a rating change tells the other services: exactly one event per change, or none when
 * nothing anyone would notice changed.
 */
final class RatingEvents {

    private RatingEvents() {}

    /**
     * REVIEWED when the new rating carries a review that differs from the stored one, else
     * RATED when the score changed (or there was no rating), else nothing. Removing a review is
     * not news.
     */
    static Optional<CinematesEvent> of(@Nullable Rating before, Rating after) {
        String review = after.review();
        if (review != null && (before == null || !Objects.equals(before.review(), review))) {
            return Optional.of(new Reviewed(after.userId(), after.movieId(), after.score(), review));
        }
        if (before == null || !sameScore(before.score(), after.score())) {
            return Optional.of(new Rated(after.userId(), after.movieId(), after.score()));
        }
        return Optional.empty();
    }

    static RatingDeleted deleted(Rating rating) {
        return new RatingDeleted(rating.userId(), rating.movieId());
    }

    static boolean sameScore(BigDecimal a, BigDecimal b) {
        return a.compareTo(b) == 0;
    }
}
