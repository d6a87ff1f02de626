package org.cinemates.preference.history;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Every member's imports. */
@Repository
class HistoryImports {

    /** One import as stored (without its rows). */
    record Stored(
            long id,
            long userId,
            String source,
            String fileName,
            String state,
            Counts counts,
            List<String> skipped,
            @Nullable String message,
            Instant startedAt,
            int rowsDone) {}

    /** @param lists the lists applying would make (those with a movie matched on them) */
    record Counts(int rows, int matched, int ambiguous, int unmatched, int duplicates, int invalid, int lists) {}

    private static final tools.jackson.databind.json.JsonMapper JSON =
            tools.jackson.databind.json.JsonMapper.builder().build();

    private final JdbcClient jdbc;

    HistoryImports(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long create(long userId, String source, String fileName, List<String> skipped, int rows, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into history_imports (user_id, source, file_name, state, rows_total, matched, ambiguous,
                            unmatched, duplicates, invalid, skipped, started_at, updated_at)
                        values (:userId, :source, :fileName, 'ANALYSING', :rows, 0, 0, 0, 0, 0, :skipped, :now, :now)
                        """)
                .param("userId", userId)
                .param("source", source)
                .param("fileName", fileName)
                .param("rows", rows)
                .param("skipped", JSON.writeValueAsString(skipped))
                .param("now", Timestamp.from(now))
                .update(keys, "id");
        return Objects.requireNonNull(keys.getKeyAs(Number.class)).longValue();
    }

    Optional<Stored> find(long userId, long id) {
        return jdbc.sql("""
                        select id, user_id, source, file_name, state, rows_total, matched, ambiguous, unmatched,
                               duplicates, invalid, lists, skipped, message, started_at, rows_done
                        from history_imports where id = :id and user_id = :userId
                        """)
                .param("id", id)
                .param("userId", userId)
                .query(HistoryImports::stored)
                .optional();
    }

    /** The import's state, locked until the transaction ends. */
    Optional<String> lockState(long userId, long id) {
        return jdbc.sql("select state from history_imports where id = :id and user_id = :userId for update")
                .param("id", id)
                .param("userId", userId)
                .query(String.class)
                .optional();
    }

    void analysed(long id, Counts counts, Analysed.Rows rows, Instant now) {
        jdbc.sql("""
                        update history_imports set state = 'PREVIEW', rows_total = :rows, matched = :matched,
                            ambiguous = :ambiguous, unmatched = :unmatched, duplicates = :duplicates, invalid = :invalid,
                            lists = :lists, analysis = :analysis, rows_done = :rows, updated_at = :now
                        where id = :id
                        """)
                .param("id", id)
                .param("rows", counts.rows())
                .param("matched", counts.matched())
                .param("ambiguous", counts.ambiguous())
                .param("unmatched", counts.unmatched())
                .param("duplicates", counts.duplicates())
                .param("invalid", counts.invalid())
                .param("lists", counts.lists())
                .param("analysis", JSON.writeValueAsString(rows))
                .param("now", Timestamp.from(now))
                .update();
    }

    /** How many rows are matched, or written, so far (outside the work's transaction, so it shows at once). */
    void progress(long id, int done) {
        jdbc.sql("update history_imports set rows_done = :done where id = :id")
                .param("id", id)
                .param("done", done)
                .update();
    }

    void state(long id, String state, @Nullable String message, Instant now) {
        jdbc.sql("update history_imports set state = :state, message = :message, updated_at = :now where id = :id")
                .param("id", id)
                .param("state", state)
                .param("message", message)
                .param("now", Timestamp.from(now))
                .update();
    }

    /** Moves the import from one state to another; false when it was not in {@code from}. */
    boolean move(long userId, long id, String from, String to, Instant now) {
        return jdbc.sql("""
                                update history_imports set state = :to, updated_at = :now
                                where id = :id and user_id = :userId and state = :from
                                """)
                        .param("id", id)
                        .param("userId", userId)
                        .param("from", from)
                        .param("to", to)
                        .param("now", Timestamp.from(now))
                        .update()
                > 0;
    }

    Analysed.Rows rows(long id) {
        String json = jdbc.sql("select analysis from history_imports where id = :id")
                .param("id", id)
                .query(String.class)
                .optional()
                .orElse(null);
        return json == null ? new Analysed.Rows(List.of()) : JSON.readValue(json, Analysed.Rows.class);
    }

    void saveRows(long id, Analysed.Rows rows, Counts counts) {
        jdbc.sql("""
                        update history_imports set analysis = :analysis, matched = :matched, ambiguous = :ambiguous,
                            unmatched = :unmatched, duplicates = :duplicates, lists = :lists
                        where id = :id
                        """)
                .param("id", id)
                .param("analysis", JSON.writeValueAsString(rows))
                .param("matched", counts.matched())
                .param("ambiguous", counts.ambiguous())
                .param("unmatched", counts.unmatched())
                .param("duplicates", counts.duplicates())
                .param("lists", counts.lists())
                .update();
    }

    void saveUndo(long id, Analysed.Undo undo) {
        jdbc.sql("update history_imports set undo = :undo where id = :id")
                .param("id", id)
                .param("undo", JSON.writeValueAsString(undo))
                .update();
    }

    Analysed.Undo undo(long id) {
        String json = jdbc.sql("select undo from history_imports where id = :id")
                .param("id", id)
                .query(String.class)
                .optional()
                .orElse(null);
        return json == null
                ? new Analysed.Undo(java.util.Map.of(), List.of(), List.of())
                : JSON.readValue(json, Analysed.Undo.class);
    }

    private static Stored stored(ResultSet rs, int row) throws SQLException {
        String skipped = rs.getString("skipped");
        List<String> notes = skipped == null ? List.of() : List.of(JSON.readValue(skipped, String[].class));
        return new Stored(
                rs.getLong("id"),
                rs.getLong("user_id"),
                rs.getString("source"),
                rs.getString("file_name"),
                rs.getString("state"),
                new Counts(
                        rs.getInt("rows_total"),
                        rs.getInt("matched"),
                        rs.getInt("ambiguous"),
                        rs.getInt("unmatched"),
                        rs.getInt("duplicates"),
                        rs.getInt("invalid"),
                        rs.getInt("lists")),
                notes,
                rs.getString("message"),
                rs.getTimestamp("started_at").toInstant(),
                rs.getInt("rows_done"));
    }
}
