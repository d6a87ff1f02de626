package org.cinemates.preference.rating;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Every member's ratings. */
@Repository
class Ratings {

    /** Ids per {@code in (...)} list, well below what either database accepts. */
    private static final int MAX_IDS_PER_QUERY = 1000;

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
     */
    record MovieStats(
            long count,
            @Nullable BigDecimal average,
            @Nullable BigDecimal myScore) {}

    /** Every member's count and average for a movie, and the asking member's score, in one query. */
    MovieStats statsOf(long movieId, long me) {
        return jdbc.sql("""
                        select count(*) as ratings, avg(score) as average,
                               max(score) filter (where user_id = :me) as mine
                        from ratings where movie_id = :movieId
                        """)
                .param("movieId", movieId)
                .param("me", me)
                .query((rs, row) ->
                        new MovieStats(rs.getLong("ratings"), rs.getBigDecimal("average"), rs.getBigDecimal("mine")))
                .single();
    }

    /** The ratings of a movie by any of these members. */
    List<Rating> ofMovieBy(long movieId, Collection<Long> userIds) {
        List<Long> ids = List.copyOf(userIds);
        List<Rating> ratings = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += MAX_IDS_PER_QUERY) {
            ratings.addAll(jdbc.sql(
                            "select " + COLUMNS + " from ratings where movie_id = :movieId and user_id in (:ids)")
                    .param("movieId", movieId)
                    .param("ids", ids.subList(from, Math.min(ids.size(), from + MAX_IDS_PER_QUERY)))
                    .query(Ratings::rating)
                    .list());
        }
        return ratings;
    }

    private static java.util.Map<String, Object> columns(Rating rating) {
        java.util.Map<String, Object> columns = new java.util.HashMap<>();
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
