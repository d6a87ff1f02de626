package org.cinemates.preference.community;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Each movie's number of community ratings and their average, as the movie page shows them beside
 * the members' own. They change only when the community ratings are imported, so they are read
 * once then (a few bytes a movie) and every summary answers from memory.
 */
@Component
public class CommunityScores {

    /** A movie's community ratings: how many, and their average to two decimals. */
    public record Score(long count, BigDecimal average) {}

    private final CommunityRatings ratings;
    private volatile Map<Long, Score> scores = Map.of();

    CommunityScores(CommunityRatings ratings) {
        this.ratings = ratings;
    }

    /** The movie's community score; empty when the community data has no rating of it. */
    public Optional<Score> of(long movieId) {
        return Optional.ofNullable(scores.get(movieId));
    }

    @EventListener
    void imported(CommunityRatingsImported imported) {
        Map<Long, Score> loaded = new HashMap<>();
        ratings.forEachMovie((movie, count, sum) -> loaded.put(
                movie, new Score(count, BigDecimal.valueOf(sum / count).setScale(2, RoundingMode.HALF_UP))));
        scores = Map.copyOf(loaded);
    }
}
