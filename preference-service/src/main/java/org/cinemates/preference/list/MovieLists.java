package org.cinemates.preference.list;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.cinemates.platform.events.Visibility;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Every member's lists and their movies. */
@Repository
class MovieLists {

    private static final String COLUMNS = """
            l.id, l.user_id, l.name, l.description, l.ranked, l.visibility, l.created_at, l.updated_at,
            (select count(*) from movie_list_items i where i.list_id = l.id) as movies
            """;

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;

    MovieLists(JdbcClient jdbc, JdbcTemplate batches) {
        this.jdbc = jdbc;
        this.batches = batches;
    }

    /** @return the new list's id */
    long add(
            long userId, String name, @Nullable String description, boolean ranked, Visibility visibility, Instant at) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into movie_lists (user_id, name, description, ranked, visibility, created_at, updated_at)
                        values (:userId, :name, :description, :ranked, :visibility, :at, :at)
                        """)
                .param("userId", userId)
                .param("name", name)
                .param("description", description)
                .param("ranked", ranked)
                .param("visibility", visibility.name())
                .param("at", Timestamp.from(at))
                .update(keys, "id");
        return java.util.Objects.requireNonNull(keys.getKey(), "the database makes the id")
                .longValue();
    }

    Optional<MovieList> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from movie_lists l where l.id = :id")
                .param("id", id)
                .query(MovieLists::list)
                .optional();
    }

    /** The member's list, locked until the transaction ends, so changes to one list queue. */
    Optional<MovieList> lockOwn(long userId, long id) {
        return jdbc.sql("select id from movie_lists where id = :id and user_id = :userId for update")
                .param("id", id)
                .param("userId", userId)
                .query(Long.class)
                .optional()
                .flatMap(this::find);
    }

    /** A member's lists, most recently changed first. */
    List<MovieList> of(long userId) {
        return jdbc.sql("select " + COLUMNS + " from movie_lists l where l.user_id = :userId"
                        + " order by l.updated_at desc, l.id desc limit :limit")
                .param("userId", userId)
                .param("limit", ListRules.MAX_LISTS)
                .query(MovieLists::list)
                .list();
    }

    long countOf(long userId) {
        return jdbc.sql("select count(*) from movie_lists where user_id = :userId")
                .param("userId", userId)
                .query(Long.class)
                .single();
    }

    void update(MovieList list) {
        jdbc.sql("""
                        update movie_lists set name = :name, description = :description, ranked = :ranked,
                            visibility = :visibility, updated_at = :updatedAt
                        where id = :id
                        """)
                .param("id", list.id())
                .param("name", list.name())
                .param("description", list.description())
                .param("ranked", list.ranked())
                .param("visibility", list.visibility().name())
                .param("updatedAt", Timestamp.from(list.updatedAt()))
                .update();
    }

    void touch(long id, Instant at) {
        jdbc.sql("update movie_lists set updated_at = :at where id = :id")
                .param("id", id)
                .param("at", Timestamp.from(at))
                .update();
    }

    /** @return whether there was such a list */
    boolean remove(long id) {
        return jdbc.sql("delete from movie_lists where id = :id")
                        .param("id", id)
                        .update()
                > 0;
    }

    int removeAllOf(long userId) {
        // Items go with their list (on delete cascade).
        return jdbc.sql("delete from movie_lists where user_id = :userId")
                .param("userId", userId)
                .update();
    }

    List<ListItem> items(long listId) {
        return jdbc.sql(
                        "select position, movie_id, note from movie_list_items where list_id = :listId order by position")
                .param("listId", listId)
                .query((rs, row) -> new ListItem(rs.getInt("position"), rs.getLong("movie_id"), rs.getString("note")))
                .list();
    }

    /** Replaces the list's movies with these, in this order. */
    void replaceItems(long listId, List<ListItem> items) {
        jdbc.sql("delete from movie_list_items where list_id = :listId")
                .param("listId", listId)
                .update();
        if (!items.isEmpty()) {
            batches.batchUpdate(
                    "insert into movie_list_items (list_id, position, movie_id, note) values (?, ?, ?, ?)",
                    items.stream()
                            .map(item -> new Object[] {listId, item.position(), item.movieId(), item.note()})
                            .toList());
        }
    }

    private static MovieList list(ResultSet rs, int row) throws SQLException {
        return new MovieList(
                rs.getLong("id"),
                rs.getLong("user_id"),
                rs.getString("name"),
                rs.getString("description"),
                rs.getBoolean("ranked"),
                Visibility.valueOf(rs.getString("visibility")),
                rs.getInt("movies"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}
