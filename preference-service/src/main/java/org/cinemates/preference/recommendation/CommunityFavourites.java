package org.cinemates.preference.recommendation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import org.cinemates.preference.PreferenceSettings;
import org.cinemates.preference.remote.Degradation;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The movies members like best, by Bayesian average: each movie's ratings plus {@code m} imagined
 * ratings at the global mean, so one enthusiastic 5 does not beat forty 4.5s. Movies whose plain
 * average is below {@code minAverage} are not suggested at all. Serves until a learned model is
 * there (and when there are too few ratings to learn from).
 */
class CommunityFavourites implements RecommendationSource {

    private final JdbcClient jdbc;
    private final int priorWeight;
    private final BigDecimal minAverage;

    CommunityFavourites(JdbcClient jdbc, PreferenceSettings settings) {
        this.jdbc = jdbc;
        this.priorWeight = settings.recommendations().priorWeight();
        this.minAverage = settings.recommendations().minAverage();
    }

    @Override
    public List<Candidate> candidates(long memberId, int limit, Degradation degraded) {
        return jdbc.sql("""
                        select s.movie_id, s.ratings, s.average,
                               (s.ratings * s.average + :m * g.mean) / (s.ratings + :m) as bayesian
                        from (select movie_id, count(*) as ratings, avg(score) as average
                              from ratings group by movie_id) s
                        cross join (select avg(score) as mean from ratings) g
                        where s.average >= :minAverage
                          and not exists (select 1 from ratings mine
                                          where mine.user_id = :member and mine.movie_id = s.movie_id)
                        order by bayesian desc, s.ratings desc, s.movie_id
                        limit :limit
                        """)
                .param("m", priorWeight)
                .param("minAverage", minAverage)
                .param("member", memberId)
                .param("limit", limit)
                .query((rs, row) -> candidate(
                        rs.getLong("movie_id"),
                        rs.getLong("ratings"),
                        rs.getBigDecimal("average"),
                        rs.getBigDecimal("bayesian")))
                .list();
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
