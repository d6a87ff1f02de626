package org.cinemates.preference.rating;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What a rating change tells the other services (the event contract): exactly one event per
 * change, or none when nothing anyone would notice changed.
 */
final class RatingEvents {

    static final String RATED = "RATED";
    static final String REVIEWED = "REVIEWED";
    static final String RATING_DELETED = "RATING_DELETED";

    private RatingEvents() {}

    /**
     * REVIEWED when the new rating carries a review that differs from the stored one, else
     * RATED when the score changed (or there was no rating), else nothing. Removing a review is
     * not news.
     */
    static Optional<String> typeOf(@Nullable Rating before, Rating after) {
        if (after.review() != null && (before == null || !Objects.equals(before.review(), after.review()))) {
            return Optional.of(REVIEWED);
        }
        if (before == null || before.score().compareTo(after.score()) != 0) {
            return Optional.of(RATED);
        }
        return Optional.empty();
    }

    static Map<String, Object> payload(String type, Rating rating) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("userId", rating.userId());
        payload.put("movieId", rating.movieId());
        if (!type.equals(RATING_DELETED)) {
            payload.put("score", rating.score());
        }
        if (type.equals(REVIEWED)) {
            payload.put("review", Objects.requireNonNull(rating.review()));
        }
        return payload;
    }

    static boolean sameScore(BigDecimal a, BigDecimal b) {
        return a.compareTo(b) == 0;
    }
}
