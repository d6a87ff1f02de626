package org.cinemates.preference.watchlist;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How imports and exports read and change a member's watchlist, in the caller's transaction and
 * quietly (a watchlist brought from elsewhere is not news for the feed).
 */
@Component
public class WatchlistImports {

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;

    WatchlistImports(JdbcClient jdbc, JdbcTemplate batches) {
        this.jdbc = jdbc;
        this.batches = batches;
    }

    /** The movies on the member's watchlist, oldest first. */
    public List<Long> moviesOf(long userId) {
        return jdbc.sql("select movie_id from watchlist where user_id = :userId order by added_at, movie_id")
                .param("userId", userId)
                .query(Long.class)
                .list();
    }

    /** Adds the movies not on the list yet. */
    public void addAll(long userId, Collection<Long> movieIds, Instant at) {
        Set<Long> present = new HashSet<>(moviesOf(userId));
        List<Object[]> rows = movieIds.stream()
                .filter(id -> !present.contains(id))
                .distinct()
                .map(id -> new Object[] {userId, id, Timestamp.from(at)})
                .toList();
        if (!rows.isEmpty()) {
            batches.batchUpdate("insert into watchlist (user_id, movie_id, added_at) values (?, ?, ?)", rows);
        }
    }

    public void removeAll(long userId, Collection<Long> movieIds) {
        List<Object[]> rows =
                movieIds.stream().map(id -> new Object[] {userId, id}).toList();
        if (!rows.isEmpty()) {
            batches.batchUpdate("delete from watchlist where user_id = ? and movie_id = ?", rows);
        }
    }
}
