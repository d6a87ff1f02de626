package org.cinemates.activity.log;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** The activity log, read newest first (by occurredAt, then id) and written by the ingest. */
@Repository
public class Activities {

    static final String COLUMNS =
            "id, type, actor_id, movie_id, score, review, friend_id, occurred_at, list_id, list_name, friends_only";

    static final RowMapper<Activity> ROWS = (rs, row) -> new Activity(
            rs.getLong("id"),
            ActivityType.valueOf(rs.getString("type")),
            rs.getLong("actor_id"),
            nullableLong(rs, "movie_id"),
            rs.getBigDecimal("score"),
            rs.getString("review"),
            nullableLong(rs, "friend_id"),
            rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
            nullableLong(rs, "list_id"),
            rs.getString("list_name"),
            rs.getBoolean("friends_only"));

    private final JdbcTemplate jdbc;

    Activities(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One activity, if it is (still) in the log. */
    public java.util.Optional<Activity> find(long id) {
        return jdbc.query("select " + COLUMNS + " from activities where id = ?", ROWS, id).stream()
                .findFirst();
    }

    /**
     * Up to {@code limit} activities of these actors, newest first, after {@code before} (or from
     * the newest). Feeds ask for one more than they show, to know whether a next page exists.
     */
    public List<Activity> page(Collection<Long> actorIds, @Nullable Position before, int limit) {
        return page(actorIds, limit, query -> query(query, actorIds, before, limit));
    }

    /**
     * As {@link #page(Collection, Position, int)}, each activity with what {@code beside} works out
     * for it in the same statement: one round trip to the database for the whole page.
     */
    public <T> List<Beside.Row<T>> page(
            Collection<Long> actorIds, @Nullable Position before, int limit, Beside<T> beside) {
        return page(actorIds, limit, query -> query(query, actorIds, before, limit, beside));
    }

    private static <R> List<R> page(Collection<Long> actorIds, int limit, Function<FeedQuery, List<R>> ask) {
        if (actorIds.isEmpty() || limit < 1) {
            return List.of();
        }
        if (actorIds.size() == 1) {
            return ask.apply(FeedQuery.PLAIN);
        }
        List<R> page = ask.apply(FeedQuery.LATEST);
        // A short page may be the end of the feed, or latest_activity promised activity that was
        // removed since: ask the exact way.
        return page.size() == limit ? page : ask.apply(FeedQuery.HEADS);
    }

    /** Runs one way of asking for a page; the benchmark compares them. */
    List<Activity> query(FeedQuery query, Collection<Long> actorIds, @Nullable Position before, int limit) {
        Long[] ids = actorIds.toArray(new Long[0]);
        return jdbc.query(connection -> query.prepare(connection, ids, before, limit), ROWS);
    }

    private <T> List<Beside.Row<T>> query(
            FeedQuery query, Collection<Long> actorIds, @Nullable Position before, int limit, Beside<T> beside) {
        Long[] ids = actorIds.toArray(new Long[0]);
        String sql = "select page.*, " + beside.columns() + "\nfrom (\n" + query.sql(before != null)
                + ") as page\norder by page.occurred_at desc, page.id desc";
        return jdbc.query(
                connection -> {
                    PreparedStatement ps = connection.prepareStatement(sql);
                    int first = beside.bind(ps) + 1;
                    return query.bind(connection, ps, first, ids, before, limit);
                },
                (rs, row) -> new Beside.Row<>(ROWS.mapRow(rs, row), beside.read(rs)));
    }

    /**
     * Ways to read a page of several members' activities. All use the index (actor_id,
     * occurred_at, id); they differ in how much of it they read.
     */
    enum FeedQuery {
        /**
         * {@code actor_id = any(?) order by ... limit}: reads every activity of every friend
         * after the cursor, then sorts. Fine for a few friends, and for one.
         */
        PLAIN("""
                select %s from activities
                where actor_id = any(?) /*cursor*/
                order by occurred_at desc, id desc
                limit ?
                """.formatted(COLUMNS)),

        /**
         * Per friend, the newest {@code limit} activities after the cursor (LATERAL), then the
         * newest {@code limit} of those: at most friends x limit rows read.
         */
        LATERAL("""
                select a.* from unnest(?::bigint[]) as f (actor_id)
                cross join lateral (
                    select %s from activities
                    where actor_id = f.actor_id /*cursor*/
                    order by occurred_at desc, id desc
                    limit ?) as a
                order by a.occurred_at desc, a.id desc
                limit ?
                """.formatted(COLUMNS)),

        /**
         * First each friend's newest time after the cursor (one index entry per friend). If at
         * least {@code limit} friends have one, the page cannot reach below the {@code limit}-th
         * newest of those times: only friends with activity since then are read, and only that
         * far back, at most {@code limit} each.
         */
        HEADS("""
                with heads as (
                    select f.actor_id, h.occurred_at
                    from unnest(?::bigint[]) as f (actor_id)
                    cross join lateral (
                        select occurred_at from activities
                        where actor_id = f.actor_id /*cursor*/
                        order by occurred_at desc, id desc
                        limit 1) as h
                ),
                bound as (
                    select coalesce(
                        (select occurred_at from heads order by occurred_at desc offset ? limit 1),
                        '-infinity'::timestamptz) as since
                )
                select a.* from heads
                cross join bound
                cross join lateral (
                    select %s from activities
                    where actor_id = heads.actor_id and occurred_at >= bound.since /*cursor*/
                    order by occurred_at desc, id desc
                    limit ?) as a
                where heads.occurred_at >= bound.since
                order by a.occurred_at desc, a.id desc
                limit ?
                """.formatted(COLUMNS)),

        /**
         * Like {@link #HEADS}, but each friend's newest time comes from {@code latest_activity}
         * (a small table that stays in memory) wherever it is before the cursor; only friends
         * active after the cursor are looked up in the index. Those times may be later than the
         * truth (after removals), so a page with fewer rows than asked for must be asked again
         * with {@link #HEADS}.
         */
        LATEST("""
                with known as (
                    select f.actor_id, l.occurred_at
                    from unnest(?::bigint[]) as f (actor_id)
                    cross join lateral (
                        -- "limit 1": one lookup in the primary key per friend; without it the
                        -- planner prefers reading all of latest_activity, at twice the time.
                        select occurred_at from latest_activity where actor_id = f.actor_id limit 1) as l
                ),
                heads as (
                    select actor_id, occurred_at from known /*known-before-cursor*/
                    /*heads-after-cursor*/
                ),
                bound as (
                    select coalesce(
                        (select occurred_at from heads order by occurred_at desc offset ? limit 1),
                        '-infinity'::timestamptz) as since
                )
                select a.* from heads
                cross join bound
                cross join lateral (
                    select %s from activities
                    where actor_id = heads.actor_id and occurred_at >= bound.since /*cursor*/
                    order by occurred_at desc, id desc
                    limit ?) as a
                where heads.occurred_at >= bound.since
                order by a.occurred_at desc, a.id desc
                limit ?
                """.formatted(COLUMNS));

        private final String sql;
        private final String sqlAfterCursor;

        FeedQuery(String sql) {
            this.sqlAfterCursor = sql.replace(CURSOR_PLACEHOLDER, CURSOR_CONDITION)
                    .replace(KNOWN_BEFORE_CURSOR, "where occurred_at < ?")
                    .replace(HEADS_AFTER_CURSOR, HEADS_AFTER_CURSOR_SQL);
            this.sql = sql.replace(CURSOR_PLACEHOLDER, "")
                    .replace(KNOWN_BEFORE_CURSOR, "")
                    .replace(HEADS_AFTER_CURSOR, "");
        }

        String sql(boolean afterCursor) {
            return afterCursor ? sqlAfterCursor : sql;
        }

        PreparedStatement prepare(Connection connection, Long[] actorIds, @Nullable Position before, int limit)
                throws SQLException {
            return bind(connection, connection.prepareStatement(sql(before != null)), actorIds, before, limit);
        }

        /** Sets the parameters of a statement made from {@link #sql(boolean)}. */
        PreparedStatement bind(
                Connection connection, PreparedStatement ps, Long[] actorIds, @Nullable Position before, int limit)
                throws SQLException {
            return bind(connection, ps, 1, actorIds, before, limit);
        }

        /** As above, in a statement where {@link #sql(boolean)}'s first parameter is number {@code first}. */
        PreparedStatement bind(
                Connection connection,
                PreparedStatement ps,
                int first,
                Long[] actorIds,
                @Nullable Position before,
                int limit)
                throws SQLException {
            Array ids = connection.createArrayOf("bigint", actorIds);
            int index = first;
            ps.setArray(index++, ids);
            if (this != LATEST) {
                index = setCursor(ps, index, before);
            }
            switch (this) {
                case PLAIN -> ps.setInt(index, limit);
                case LATERAL -> {
                    ps.setInt(index++, limit);
                    ps.setInt(index, limit);
                }
                case HEADS -> {
                    ps.setInt(index++, limit - 1);
                    index = setCursor(ps, index, before);
                    ps.setInt(index++, limit);
                    ps.setInt(index, limit);
                }
                case LATEST -> {
                    if (before != null) {
                        Sql.setTime(ps, index++, before.occurredAt());
                        index = setCursor(ps, index, before);
                        Sql.setTime(ps, index++, before.occurredAt());
                    }
                    ps.setInt(index++, limit - 1);
                    index = setCursor(ps, index, before);
                    ps.setInt(index++, limit);
                    ps.setInt(index, limit);
                }
            }
            return ps;
        }

        private static int setCursor(PreparedStatement ps, int index, @Nullable Position before) throws SQLException {
            if (before == null) {
                return index;
            }
            Sql.setTime(ps, index, before.occurredAt());
            ps.setLong(index + 1, before.id());
            return index + 2;
        }

        private static final String CURSOR_PLACEHOLDER = "/*cursor*/";
        private static final String CURSOR_CONDITION = "and (occurred_at, id) < (?, ?)";
        private static final String KNOWN_BEFORE_CURSOR = "/*known-before-cursor*/";
        private static final String HEADS_AFTER_CURSOR = "/*heads-after-cursor*/";
        private static final String HEADS_AFTER_CURSOR_SQL = """
                union all
                    select known.actor_id, h.occurred_at from known
                    cross join lateral (
                        select occurred_at from activities
                        where actor_id = known.actor_id and (occurred_at, id) < (?, ?)
                        order by occurred_at desc, id desc
                        limit 1) as h
                    where known.occurred_at >= ?""";
    }

    /** Stores new activities; for each, whether it was stored (its event id was not there yet). */
    boolean[] insert(List<NewActivity> activities) {
        if (activities.isEmpty()) {
            return new boolean[0];
        }
        int[] counts = jdbc.batchUpdate("""
                insert into activities (event_id, type, actor_id, movie_id, score, review, friend_id, occurred_at,
                    list_id, list_name, friends_only)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict do nothing
                """, Sql.batch(activities, (ps, activity) -> {
            ps.setObject(1, activity.eventId());
            ps.setString(2, activity.type().name());
            ps.setLong(3, activity.actorId());
            Sql.setLong(ps, 4, activity.movieId());
            ps.setBigDecimal(5, activity.score());
            ps.setString(6, activity.review());
            Sql.setLong(ps, 7, activity.friendId());
            Sql.setTime(ps, 8, activity.occurredAt());
            Sql.setLong(ps, 9, activity.listId());
            ps.setString(10, activity.listName());
            ps.setBoolean(11, activity.friendsOnly());
        }));
        boolean[] stored = new boolean[counts.length];
        for (int i = 0; i < counts.length; i++) {
            stored[i] = counts[i] > 0;
        }
        return stored;
    }

    /** Notes that these actors did something at these times (only later times change anything). */
    void noteLatest(Map<Long, Instant> latest) {
        if (latest.isEmpty()) {
            return;
        }
        List<Map.Entry<Long, Instant>> entries =
                latest.entrySet().stream().sorted(Map.Entry.comparingByKey()).toList();
        jdbc.batchUpdate(LATEST, Sql.batch(entries, (ps, entry) -> {
            ps.setLong(1, entry.getKey());
            Sql.setTime(ps, 2, entry.getValue());
        }));
    }

    private static final String LATEST = """
            insert into latest_activity as l (actor_id, occurred_at) values (?, ?)
            on conflict (actor_id) do update set occurred_at = excluded.occurred_at
            where l.occurred_at < excluded.occurred_at
            """;

    /** Removes the activity (if any) of each of these ratings, watchlist entries and friendships. */
    void removeAll(List<Mark.Key> keys) {
        for (Mark.Kind kind : Mark.Kind.values()) {
            List<Mark.Key> ofKind =
                    keys.stream().filter(key -> key.kind() == kind).toList();
            if (ofKind.isEmpty()) {
                continue;
            }
            String sql = switch (kind) {
                case RATING ->
                    "delete from activities where actor_id = ? and movie_id = ?" + " and type in ('RATED', 'REVIEWED')";
                case WATCHLIST ->
                    "delete from activities where actor_id = ? and movie_id = ?" + " and type = 'WATCHLISTED'";
                case LIST -> "delete from activities where actor_id = ? and list_id = ? and type = 'LISTED'";
                case FRIENDSHIP ->
                    "delete from activities where type = 'BEFRIENDED'"
                            + " and ((actor_id = ? and friend_id = ?) or (actor_id = ? and friend_id = ?))";
            };
            jdbc.batchUpdate(sql, Sql.batch(ofKind, (ps, key) -> {
                ps.setLong(1, key.actorId());
                ps.setLong(2, key.subjectId());
                if (kind == Mark.Kind.FRIENDSHIP) {
                    ps.setLong(3, key.subjectId());
                    ps.setLong(4, key.actorId());
                }
            }));
        }
    }

    /** Removes everything a member did and every friendship activity naming them. */
    int removeMember(long memberId) {
        jdbc.update("delete from latest_activity where actor_id = ?", memberId);
        return jdbc.update("delete from activities where actor_id = ?", memberId)
                + jdbc.update("delete from activities where friend_id = ? and type = 'BEFRIENDED'", memberId);
    }

    /** An activity to store. */
    record NewActivity(
            UUID eventId,
            ActivityType type,
            long actorId,
            @Nullable Long movieId,
            @Nullable BigDecimal score,
            @Nullable String review,
            @Nullable Long friendId,
            Instant occurredAt,
            @Nullable Long listId,
            @Nullable String listName,
            boolean friendsOnly) {

        static NewActivity of(Event event, ActivityType type) {
            Event.ListRef list = event.list();
            return new NewActivity(
                    event.eventId(),
                    type,
                    event.actorId(),
                    event.movieId(),
                    event.score(),
                    event.review(),
                    event.friendId(),
                    event.occurredAt(),
                    list != null ? list.id() : null,
                    list != null ? list.name() : null,
                    list != null && list.friendsOnly());
        }
    }

    private static @Nullable Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }
}
