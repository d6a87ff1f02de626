package org.cinemates.preference.rating;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Repository;

/** Every member's ratings. */
@Repository
class Ratings {

    private static final String COLUMNS = "user_id, movie_id, score, review, rated_at";

    private final JdbcClient jdbc;

    Ratings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Rating> find(long userId, long movieId) {
        return jdbc.sql("select " + COLUMNS + " from ratings where user_id = :userId and movie_id = :movieId")
                .param("userId", userId)
                .param("movieId", movieId)
                .query(Ratings::rating)
                .optional();
    }

    /** The rating, locked until the transaction ends, so concurrent changes take turns. */
    Optional<Rating> findForUpdate(long userId, long movieId) {
        return jdbc.sql("select " + COLUMNS
                        + " from ratings where user_id = :userId and movie_id = :movieId for update")
                .param("userId", userId)
                .param("movieId", movieId)
                .query(Ratings::rating)
                .optional();
    }

    void insert(Rating rating) {
        jdbc.sql("insert into ratings (" + COLUMNS + ") values (:userId, :movieId, :score, :review, :ratedAt)")
                .params(columns(rating))
                .update();
    }

    void update(Rating rating) {
        jdbc.sql("""
                        update ratings set score = :score, review = :review, rated_at = :ratedAt
                        where user_id = :userId and movie_id = :movieId
                        """).params(columns(rating)).update();
    }

    /** @return whether there was such a rating */
    int deleteAll(long userId) {
        return jdbc.sql("delete from ratings where user_id = :userId")
                .param("userId", userId)
                .update();
    }

    boolean delete(long userId, long movieId) {
        return jdbc.sql("delete from ratings where user_id = :userId and movie_id = :movieId")
                        .param("userId", userId)
                        .param("movieId", movieId)
                        .update()
                > 0;
    }

    /** A member's ratings, newest first. */
    List<Rating> page(long userId, long offset, int limit) {
        return jdbc.sql("select " + COLUMNS + """
                         from ratings where user_id = :userId
                        order by rated_at desc, movie_id desc
                        limit :limit offset :offset
                        """)
                .param("userId", userId)
                .param("limit", limit)
                .param("offset", offset)
                .query(Ratings::rating)
                .list();
    }

    long countOf(long userId) {
        return jdbc.sql("select count(*) from ratings where user_id = :userId")
                .param("userId", userId)
                .query(Long.class)
                .single();
    }

    /**
     * @param average null when nobody rated the movie
     * @param myScore the asking member's score; null when they have not rated it
     * @param friendScores the scores of the friends asked about who rated it, by member id
     */
    record MovieStats(
            long count,
            @Nullable BigDecimal average,
            @Nullable BigDecimal myScore,
            Map<Long, BigDecimal> friendScores) {}

    /**
     * Every member's count and average for a movie, the asking member's score and those of the
     * given friends, in one query (a summary is asked for on every movie page).
     */
    MovieStats statsOf(long movieId, long me, Collection<Long> friendIds) {
        return jdbc.sql("""
                        select count(*) as ratings, avg(score) as average,
                               max(score) filter (where user_id = :me) as mine,
                               array_agg(user_id order by user_id) filter (where user_id = any(:friends)) as friends,
                               array_agg(score order by user_id) filter (where user_id = any(:friends)) as scores
                        from ratings where movie_id = :movieId
                        """)
                .param("movieId", movieId)
                .param("me", me)
                .param("friends", new SqlArrayValue("bigint", friendIds.toArray()))
                .query((rs, row) -> new MovieStats(
                        rs.getLong("ratings"),
                        rs.getBigDecimal("average"),
                        rs.getBigDecimal("mine"),
                        friendScores(rs.getArray("friends"), rs.getArray("scores"))))
                .single();
    }

    private static Map<Long, BigDecimal> friendScores(@Nullable Array friends, @Nullable Array scores)
            throws SQLException {
        if (friends == null || scores == null) {
            return Map.of();
        }
        Long[] ids = (Long[]) friends.getArray();
        BigDecimal[] values = (BigDecimal[]) scores.getArray();
        Map<Long, BigDecimal> byMember = new LinkedHashMap<>();
        for (int i = 0; i < ids.length; i++) {
            byMember.put(ids[i], values[i]);
        }
        return byMember;
    }

    private static Map<String, Object> columns(Rating rating) {
        Map<String, Object> columns = new HashMap<>();
        columns.put("userId", rating.userId());
        columns.put("movieId", rating.movieId());
        columns.put("score", rating.score());
        columns.put("review", rating.review());
        columns.put("ratedAt", Timestamp.from(rating.ratedAt()));
        return columns;
    }

    private static Rating rating(ResultSet rs, int row) throws SQLException {
        return new Rating(
                rs.getLong("user_id"),
                rs.getLong("movie_id"),
                rs.getBigDecimal("score"),
                rs.getString("review"),
                rs.getTimestamp("rated_at").toInstant());
    }
}
