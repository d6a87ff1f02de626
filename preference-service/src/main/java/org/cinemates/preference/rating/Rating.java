package org.cinemates.preference.rating;

import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A member's rating of a movie.
 *
 * @param score 0.5 to 5.0 in steps of 0.5
 * @param review the member's words on it, if any (never blank)
 * @param ratedAt when the score or review last changed
 */
record Rating(
        long userId,
        long movieId,
        BigDecimal score,
        @Nullable String review,
        Instant ratedAt) {}
