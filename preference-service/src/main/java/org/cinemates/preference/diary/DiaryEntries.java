package org.cinemates.preference.diary;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Every member's diary. */
@Repository
class DiaryEntries {

    private static final String COLUMNS =
            "id, user_id, movie_id, watched_on, score, review, rewatch, liked, tags, created_at, import_id";

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;

    DiaryEntries(JdbcClient jdbc, JdbcTemplate batches) {
        this.jdbc = jdbc;
        this.batches = batches;
    }

    /** Stores a new entry; its id is the one the database gives. */
    DiaryEntry insert(DiaryEntry entry) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into diary_entries
                            (user_id, movie_id, watched_on, score, review, rewatch, liked, tags, created_at, import_id)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """).params(row(entry)).update(keys, "id");
        long id = java.util.Objects.requireNonNull(keys.getKeyAs(Number.class)).longValue();
        return new DiaryEntry(
                id,
                entry.userId(),
                entry.movieId(),
                entry.watchedOn(),
                entry.score(),
                entry.review(),
                entry.rewatch(),
                entry.tags(),
                entry.liked(),
                entry.createdAt(),
                entry.importId());
    }

    /** Stores many entries in batches (ids are not read back). */
    void insertAll(List<DiaryEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        batches.batchUpdate("""
                insert into diary_entries
                    (user_id, movie_id, watched_on, score, review, rewatch, liked, tags, created_at, import_id)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, entries.stream().map(DiaryEntries::row).toList());
    }

    void update(DiaryEntry entry) {
        Object[] values = {
            Date.valueOf(entry.watchedOn()),
            entry.score(),
            entry.review(),
            entry.rewatch(),
            entry.liked(),
            joinTags(entry.tags()),
            entry.id(),
            entry.userId()
        };
        jdbc.sql("""
                        update diary_entries set watched_on = ?, score = ?, review = ?, rewatch = ?, liked = ?, tags = ?
                        where id = ? and user_id = ?
                        """).params(values).update();
    }

    boolean delete(long userId, long id) {
        return jdbc.sql("delete from diary_entries where id = :id and user_id = :userId")
                        .param("id", id)
                        .param("userId", userId)
                        .update()
                > 0;
    }

    /** The member's entry, locked until the transaction ends. */
    Optional<DiaryEntry> findForUpdate(long userId, long id) {
        return jdbc.sql("select " + COLUMNS + " from diary_entries where id = :id and user_id = :userId for update")
                .param("id", id)
                .param("userId", userId)
                .query(DiaryEntries::entry)
                .optional();
    }

    /** The latest viewing of a movie that carries a score, if any. */
    Optional<DiaryEntry> latestScored(long userId, long movieId) {
        return jdbc.sql("select " + COLUMNS + """
                         from diary_entries
                        where user_id = :userId and movie_id = :movieId and score is not null
                        order by watched_on desc, id desc
                        limit 1
                        """)
                .param("userId", userId)
                .param("movieId", movieId)
                .query(DiaryEntries::entry)
                .optional();
    }

    /**
     * A page of the member's diary, latest viewing first, within [from, until) when given.
     */
    List<DiaryEntry> page(long userId, @Nullable LocalDate from, @Nullable LocalDate until, long offset, int limit) {
        return jdbc.sql("select " + COLUMNS + " from diary_entries where user_id = :userId" + range(from, until) + """
                         order by watched_on desc, id desc
                        limit :limit offset :offset
                        """)
                .param("userId", userId)
                .param("from", from == null ? null : Date.valueOf(from))
                .param("until", until == null ? null : Date.valueOf(until))
                .param("limit", limit)
                .param("offset", offset)
                .query(DiaryEntries::entry)
                .list();
    }

    long count(long userId, @Nullable LocalDate from, @Nullable LocalDate until) {
        return jdbc.sql("select count(*) from diary_entries where user_id = :userId" + range(from, until))
                .param("userId", userId)
                .param("from", from == null ? null : Date.valueOf(from))
                .param("until", until == null ? null : Date.valueOf(until))
                .query(Long.class)
                .single();
    }

    /** Every entry of the member in [from, until) (all of them without bounds), oldest first. */
    void forEach(long userId, @Nullable LocalDate from, @Nullable LocalDate until, Consumer<DiaryEntry> entries) {
        jdbc.sql("select " + COLUMNS + " from diary_entries where user_id = :userId" + range(from, until)
                        + " order by watched_on, id")
                .param("userId", userId)
                .param("from", from == null ? null : Date.valueOf(from))
                .param("until", until == null ? null : Date.valueOf(until))
                .query(rs -> {
                    entries.accept(entry(rs, 0));
                });
    }

    /** The entries an import added, in the order they were stored. */
    List<DiaryEntry> ofImport(long userId, long importId) {
        return jdbc.sql("select " + COLUMNS + " from diary_entries where user_id = :userId and import_id = :importId"
                        + " order by id")
                .param("userId", userId)
                .param("importId", importId)
                .query(DiaryEntries::entry)
                .list();
    }

    int deleteImported(long userId, long importId) {
        return jdbc.sql("delete from diary_entries where user_id = :userId and import_id = :importId")
                .param("userId", userId)
                .param("importId", importId)
                .update();
    }

    int deleteAll(long userId) {
        return jdbc.sql("delete from diary_entries where user_id = :userId")
                .param("userId", userId)
                .update();
    }

    private static String range(@Nullable LocalDate from, @Nullable LocalDate until) {
        return (from != null ? " and watched_on >= :from" : "") + (until != null ? " and watched_on < :until" : "");
    }

    private static Object[] row(DiaryEntry entry) {
        return new Object[] {
            entry.userId(),
            entry.movieId(),
            Date.valueOf(entry.watchedOn()),
            entry.score(),
            entry.review(),
            entry.rewatch(),
            entry.liked(),
            joinTags(entry.tags()),
            Timestamp.from(entry.createdAt()),
            entry.importId()
        };
    }

    static @Nullable String joinTags(List<String> tags) {
        return tags.isEmpty() ? null : String.join("\n", tags);
    }

    static List<String> splitTags(@Nullable String tags) {
        return tags == null || tags.isEmpty() ? List.of() : Arrays.asList(tags.split("\n", -1));
    }

    private static DiaryEntry entry(ResultSet rs, int row) throws SQLException {
        BigDecimal score = rs.getBigDecimal("score");
        long importId = rs.getLong("import_id");
        Long imported = rs.wasNull() ? null : importId;
        return new DiaryEntry(
                rs.getLong("id"),
                rs.getLong("user_id"),
                rs.getLong("movie_id"),
                rs.getDate("watched_on").toLocalDate(),
                score,
                rs.getString("review"),
                rs.getBoolean("rewatch"),
                List.copyOf(new ArrayList<>(splitTags(rs.getString("tags")))),
                rs.getBoolean("liked"),
                rs.getTimestamp("created_at").toInstant(),
                imported);
    }
}
