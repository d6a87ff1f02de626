package org.cinemates.preference.diary;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How imports and exports read and change a member's diary and liked movies, in the caller's
 * transaction. Imported entries carry their import's id, so undoing it removes exactly them.
 */
@Component
public class DiaryImports {

    private final DiaryEntries entries;
    private final JdbcClient jdbc;
    private final JdbcTemplate batches;

    DiaryImports(DiaryEntries entries, JdbcClient jdbc, JdbcTemplate batches) {
        this.entries = entries;
        this.jdbc = jdbc;
        this.batches = batches;
    }

    /** Every entry of the member, oldest viewing first. */
    public List<DiaryEntry> entriesOf(long userId) {
        List<DiaryEntry> all = new ArrayList<>();
        entries.forEach(userId, null, null, all::add);
        return all;
    }

    /** What makes a viewing the same as one already logged: the movie, the day and the score. */
    public record Key(long movieId, LocalDate watchedOn, String score) {}

    public static Key keyOf(
            long movieId, LocalDate watchedOn, java.math.@org.jspecify.annotations.Nullable BigDecimal score) {
        return new Key(
                movieId,
                watchedOn,
                score == null ? "" : score.stripTrailingZeros().toPlainString());
    }

    public Set<Key> keysOf(long userId) {
        Set<Key> keys = new HashSet<>();
        entries.forEach(
                userId, null, null, entry -> keys.add(keyOf(entry.movieId(), entry.watchedOn(), entry.score())));
        return keys;
    }

    public void insertAll(List<DiaryEntry> imported) {
        entries.insertAll(imported);
    }

    public int removeImported(long userId, long importId) {
        jdbc.sql("delete from liked_movies where user_id = :userId and import_id = :importId")
                .param("userId", userId)
                .param("importId", importId)
                .update();
        return entries.deleteImported(userId, importId);
    }

    /** The movies the member likes, oldest like first. */
    public List<Long> likedOf(long userId) {
        return jdbc.sql("select movie_id from liked_movies where user_id = :userId order by liked_at, movie_id")
                .param("userId", userId)
                .query(Long.class)
                .list();
    }

    /** Likes the movies not liked yet, as this import's. */
    public void likeAll(long userId, Collection<Long> movieIds, long importId, Instant at) {
        Set<Long> present = new HashSet<>(likedOf(userId));
        List<Object[]> rows = movieIds.stream()
                .filter(id -> !present.contains(id))
                .distinct()
                .map(id -> new Object[] {userId, id, Timestamp.from(at), importId})
                .toList();
        if (!rows.isEmpty()) {
            batches.batchUpdate(
                    "insert into liked_movies (user_id, movie_id, liked_at, import_id) values (?, ?, ?, ?)", rows);
        }
    }
}
