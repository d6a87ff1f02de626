package org.cinemates.preference.community;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What other features may read of the imported community ratings: the community package owns the
 * {@code community_ratings} table, and this is the one way into it from outside.
 */
@Component
public class CommunityRatings {

    private final JdbcClient jdbc;

    CommunityRatings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Receives one community rating and when it was made (seconds since 1970-01-01T00:00Z). */
    @FunctionalInterface
    public interface RaterScore {
        void accept(long raterId, long movieId, float score, long epochSecond);
    }

    /** Receives one movie's number of community ratings and the sum of their scores. */
    @FunctionalInterface
    public interface MovieTotal {
        void accept(long movieId, int count, double sum);
    }

    /** Every community rating (for training). */
    public void forEach(RaterScore ratings) {
        jdbc.sql("select rater_id, movie_id, score, extract(epoch from rated_at)::bigint from community_ratings")
                .query(rs -> {
                    ratings.accept(rs.getLong(1), rs.getLong(2), rs.getFloat(3), rs.getLong(4));
                });
    }

    /** Every movie's count and score sum. */
    public void forEachMovie(MovieTotal totals) {
        jdbc.sql("select movie_id, count(*), sum(score) from community_ratings group by movie_id")
                .query(rs -> {
                    totals.accept(rs.getLong(1), rs.getInt(2), rs.getDouble(3));
                });
    }

    /** How many community ratings there are. */
    public long count() {
        return jdbc.sql("select count(*) from community_ratings")
                .query(Long.class)
                .single();
    }
}
