package org.cinemates.preference.watchlist;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Every member's watchlist. */
@Repository
class Watchlists {

    private final JdbcClient jdbc;

    Watchlists(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean contains(long userId, long movieId) {
        return jdbc.sql("select count(*) from watchlist where user_id = :userId and movie_id = :movieId")
                        .param("userId", userId)
                        .param("movieId", movieId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** @return whether it was added (false: it was on the list already) */
    boolean add(WatchlistEntry entry) {
        return jdbc.sql("""
                                insert into watchlist (user_id, movie_id, added_at) values (:userId, :movieId, :addedAt)
                                on conflict do nothing
                                """)
                        .param("userId", entry.userId())
                        .param("movieId", entry.movieId())
                        .param("addedAt", Timestamp.from(entry.addedAt()))
                        .update()
                > 0;
    }

    int removeAll(long userId) {
        return jdbc.sql("delete from watchlist where user_id = :userId")
                .param("userId", userId)
                .update();
    }

    /** @return whether it was on the list */
    boolean remove(long userId, long movieId) {
        return jdbc.sql("delete from watchlist where user_id = :userId and movie_id = :movieId")
                        .param("userId", userId)
                        .param("movieId", movieId)
                        .update()
                > 0;
    }

    /** A member's watchlist, most recently added first. */
    List<WatchlistEntry> page(long userId, long offset, int limit) {
        return jdbc.sql("""
                        select user_id, movie_id, added_at from watchlist where user_id = :userId
                        order by added_at desc, movie_id desc
                        limit :limit offset :offset
                        """)
                .param("userId", userId)
                .param("limit", limit)
                .param("offset", offset)
                .query(Watchlists::entry)
                .list();
    }

    long countOf(long userId) {
        return jdbc.sql("select count(*) from watchlist where user_id = :userId")
                .param("userId", userId)
                .query(Long.class)
                .single();
    }

    private static WatchlistEntry entry(ResultSet rs, int row) throws SQLException {
        return new WatchlistEntry(
                rs.getLong("user_id"),
                rs.getLong("movie_id"),
                rs.getTimestamp("added_at").toInstant());
    }
}
