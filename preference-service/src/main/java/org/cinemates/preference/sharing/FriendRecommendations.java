package org.cinemates.preference.sharing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Every movie recommended by one member to another. */
@Repository
class FriendRecommendations {

    private final JdbcClient jdbc;

    FriendRecommendations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    SentRecommendation add(SentRecommendation sent) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into friend_recommendations (from_user_id, to_user_id, movie_id, note, sent_at)
                        values (:from, :to, :movie, :note, :at)
                        """)
                .param("from", sent.fromUserId())
                .param("to", sent.toUserId())
                .param("movie", sent.movieId())
                .param("note", sent.note())
                .param("at", Timestamp.from(sent.sentAt()))
                .update(keys, "id");
        long id = java.util.Objects.requireNonNull(keys.getKey(), "the database makes the id")
                .longValue();
        return new SentRecommendation(
                id, sent.fromUserId(), sent.toUserId(), sent.movieId(), sent.note(), sent.sentAt());
    }

    /** What the member received, newest first. */
    List<SentRecommendation> receivedBy(long userId, long offset, int limit) {
        return jdbc.sql("""
                        select id, from_user_id, to_user_id, movie_id, note, sent_at from friend_recommendations
                        where to_user_id = :userId order by sent_at desc, id desc limit :limit offset :offset
                        """)
                .param("userId", userId)
                .param("limit", limit)
                .param("offset", offset)
                .query(FriendRecommendations::row)
                .list();
    }

    long countReceivedBy(long userId) {
        return jdbc.sql("select count(*) from friend_recommendations where to_user_id = :userId")
                .param("userId", userId)
                .query(Long.class)
                .single();
    }

    void removeAllOf(long userId) {
        jdbc.sql("delete from friend_recommendations where from_user_id = :userId or to_user_id = :userId")
                .param("userId", userId)
                .update();
    }

    private static SentRecommendation row(ResultSet rs, int row) throws SQLException {
        return new SentRecommendation(
                rs.getLong("id"),
                rs.getLong("from_user_id"),
                rs.getLong("to_user_id"),
                rs.getLong("movie_id"),
                rs.getString("note"),
                rs.getTimestamp("sent_at").toInstant());
    }
}
