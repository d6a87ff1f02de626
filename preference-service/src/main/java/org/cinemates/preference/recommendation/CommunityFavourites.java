package org.cinemates.preference.recommendation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import org.cinemates.preference.PreferenceSettings;
import org.cinemates.preference.rating.MemberRatings;
import org.cinemates.preference.remote.Degradation;
import org.springframework.stereotype.Component;

/**
 * The movies members like best, by Bayesian average: each movie's ratings plus {@code m} imagined
 * ratings at the global mean, so one enthusiastic 5 does not beat forty 4.5s. Movies whose plain
 * average is below {@code minAverage} are not suggested at all. Serves until a learned model is
 * there (and when there are too few ratings to learn from).
 */
@Component
class CommunityFavourites {

    private final MemberRatings ratings;
    private final int priorWeight;
    private final BigDecimal minAverage;

    CommunityFavourites(MemberRatings ratings, PreferenceSettings settings) {
        this.ratings = ratings;
        this.priorWeight = settings.recommendations().priorWeight();
        this.minAverage = settings.recommendations().minAverage();
    }

    /** Up to {@code limit} favourites, best first, none of them rated by the member. */
    List<Candidate> candidates(long memberId, int limit, Degradation degraded) {
        return ratings.favourites(memberId, priorWeight, minAverage, limit).stream()
                .map(f -> candidate(f.movieId(), f.ratings(), f.average(), f.bayesian()))
                .toList();
    }

    static Candidate candidate(long movieId, long ratings, BigDecimal average, BigDecimal bayesian) {
        String reason = String.format(
                Locale.ROOT,
                "Popular with Cinemates members (%s★ from %d rating%s)",
                average.setScale(1, RoundingMode.HALF_UP).toPlainString(),
                ratings,
                ratings == 1 ? "" : "s");
        return new Candidate(movieId, bayesian.setScale(2, RoundingMode.HALF_UP), List.of(reason));
    }
}
