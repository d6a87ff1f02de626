package org.cinemates.preference.rating;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What other features may read of members' ratings: the rating package owns the {@code ratings} table,
 * and this is the one way into it from outside (recommendations read it here, never in SQL of their own).
 * Every read is of the ratings as they are now.
 */
@Component
public class MemberRatings {

    /** Ids per {@code in (...)} list, well below what either database accepts. */
    private static final int MAX_IDS_PER_QUERY = 1000;

    private final JdbcClient jdbc;

    MemberRatings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Receives one rating: a movie and its score. */
    @FunctionalInterface
    public interface MovieScore {
        void accept(long movieId, float score);
    }

    /** Receives one rating of any member and when it was made (seconds since 1970-01-01T00:00Z). */
    @FunctionalInterface
    public interface MemberScore {
        void accept(long memberId, long movieId, float score, long epochSecond);
    }

    /** Receives one movie's number of ratings and the sum of their scores. */
    @FunctionalInterface
    public interface MovieTotal {
        void accept(long movieId, int count, double sum);
    }

    /** A member's ratings, in no particular order (one indexed read). */
    public void forEachOf(long memberId, MovieScore ratings) {
        jdbc.sql("select movie_id, score from ratings where user_id = :member")
                .param("member", memberId)
                .query(rs -> {
                    ratings.accept(rs.getLong(1), rs.getFloat(2));
                });
    }

    /** The movies a member rated. */
    public List<Long> moviesOf(long memberId) {
        return jdbc.sql("select movie_id from ratings where user_id = :member")
                .param("member", memberId)
                .query(Long.class)
                .list();
    }

    /** Movies some members rated 4 or more, with how many of them: the ids go in {@code :members}. */
    private static final String LIKED_BY = "select movie_id, count(*) as friends from ratings"
            + " where user_id in (:members) and score >= 4 group by movie_id";

    /** Movies these members rated 4 or more: movie id → how many of them. */
    public Map<Long, Integer> likedBy(List<Long> memberIds) {
        Map<Long, Integer> liked = new HashMap<>();
        addLikedBy(memberIds, 0, liked);
        return liked;
    }

    /**
     * The member's ratings, each given to {@code mine}, and the movies these friends rated 4 or more
     * (as {@link #likedBy}): one query for both, up to a thousand friends.
     */
    public Map<Long, Integer> ofAndLikedBy(long memberId, MovieScore mine, List<Long> friendIds) {
        if (friendIds.isEmpty()) {
            forEachOf(memberId, mine);
            return Map.of();
        }
        int first = Math.min(friendIds.size(), MAX_IDS_PER_QUERY);
        Map<Long, Integer> liked = new HashMap<>();
        jdbc.sql("select movie_id, score, 0 as friends from ratings where user_id = :member"
                        + " union all select movie_id, null, friends from (" + LIKED_BY + ") as liked")
                .param("member", memberId)
                .param("members", friendIds.subList(0, first))
                .query(rs -> {
                    int friends = rs.getInt(3);
                    if (friends == 0) {
                        mine.accept(rs.getLong(1), rs.getFloat(2));
                    } else {
                        liked.merge(rs.getLong(1), friends, Integer::sum);
                    }
                });
        addLikedBy(friendIds, first, liked);
        return liked;
    }

    /** Adds the movies the members from index {@code from} on rated 4 or more, a query per thousand. */
    private void addLikedBy(List<Long> memberIds, int from, Map<Long, Integer> liked) {
        for (int start = from; start < memberIds.size(); start += MAX_IDS_PER_QUERY) {
            jdbc.sql(LIKED_BY)
                    .param("members", memberIds.subList(start, Math.min(memberIds.size(), start + MAX_IDS_PER_QUERY)))
                    .query(rs -> {
                        liked.merge(rs.getLong(1), rs.getInt(2), Integer::sum);
                    });
        }
    }

    /** Every member rating (for training). */
    public void forEach(MemberScore ratings) {
        jdbc.sql("select user_id, movie_id, score, extract(epoch from rated_at)::bigint from ratings")
                .query(rs -> {
                    ratings.accept(rs.getLong(1), rs.getLong(2), rs.getFloat(3), rs.getLong(4));
                });
    }

    /** Every rated movie's count and score sum. */
    public void forEachMovie(MovieTotal totals) {
        jdbc.sql("select movie_id, count(*), sum(score) from ratings group by movie_id")
                .query(rs -> {
                    totals.accept(rs.getLong(1), rs.getInt(2), rs.getDouble(3));
                });
    }

    /** How many ratings there are. */
    public long count() {
        return jdbc.sql("select count(*) from ratings").query(Long.class).single();
    }

    /** How many ratings were made or changed after {@code since}. */
    public long changedSince(Instant since) {
        return jdbc.sql("select count(*) from ratings where rated_at > :since")
                .param("since", Timestamp.from(since))
                .query(Long.class)
                .single();
    }

    /**
     * A movie members like, by Bayesian average.
     *
     * @param ratings how many members rated it
     * @param average their plain average
     * @param bayesian the average with {@code priorWeight} imagined ratings at the mean of all ratings
     */
    public record Favourite(long movieId, long ratings, BigDecimal average, BigDecimal bayesian) {}

    /**
     * The movies members like best by Bayesian average, those with a plain average of at least
     * {@code minAverage}, none the member rated; ties to the most rated, then the lowest id.
     */
    public List<Favourite> favourites(long memberId, int priorWeight, BigDecimal minAverage, int limit) {
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
                .query((rs, row) -> new Favourite(
                        rs.getLong("movie_id"),
                        rs.getLong("ratings"),
                        rs.getBigDecimal("average"),
                        rs.getBigDecimal("bayesian")))
                .list();
    }
}
