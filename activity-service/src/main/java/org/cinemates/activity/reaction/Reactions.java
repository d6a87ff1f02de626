package org.cinemates.activity.reaction;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Every like and comment on activities. */
@Repository
public class Reactions {

    private final JdbcTemplate jdbc;

    Reactions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * What a page of activities has gathered.
     *
     * @param likedByMe whether the member reading has liked it
     */
    public record Counts(int likes, int comments, boolean likedByMe) {

        public static final Counts NONE = new Counts(0, 0, false);
    }

    /**
     * The likes and comments of these activities, and which of them the member liked: one query
     * for a whole page. Activities with neither are left out.
     *
     * @param member the member reading, or null for a visitor without an account
     */
    public Map<Long, Counts> countsFor(Collection<Long> activityIds, @Nullable Long member) {
        if (activityIds.isEmpty()) {
            return Map.of();
        }
        Long[] ids = activityIds.toArray(Long[]::new);
        long reader = member != null ? member : 0L;
        Map<Long, Counts> counts = new HashMap<>();
        jdbc.query(
                connection -> {
                    PreparedStatement ps = connection.prepareStatement("""
                            select activity_id, 'L' as kind, count(*) as n, bool_or(user_id = ?) as mine
                            from activity_likes where activity_id = any(?) group by activity_id
                            union all
                            select activity_id, 'C', count(*), false
                            from activity_comments where activity_id = any(?) group by activity_id
                            """);
                    Array array = connection.createArrayOf("bigint", ids);
                    ps.setLong(1, reader);
                    ps.setArray(2, array);
                    ps.setArray(3, array);
                    return ps;
                },
                rs -> {
                    long id = rs.getLong("activity_id");
                    int n = rs.getInt("n");
                    Counts before = counts.getOrDefault(id, Counts.NONE);
                    counts.put(
                            id,
                            "L".equals(rs.getString("kind"))
                                    ? new Counts(n, before.comments(), rs.getBoolean("mine"))
                                    : new Counts(before.likes(), n, before.likedByMe()));
                });
        return counts;
    }

    /** @return whether it was not liked by the member before */
    boolean like(long activityId, long member, Instant at) {
        return jdbc.update(
                        "insert into activity_likes (activity_id, user_id, liked_at) values (?, ?, ?) on conflict do nothing",
                        activityId,
                        member,
                        Timestamp.from(at))
                > 0;
    }

    boolean unlike(long activityId, long member) {
        return jdbc.update("delete from activity_likes where activity_id = ? and user_id = ?", activityId, member) > 0;
    }

    /** @return the new comment's id */
    long comment(long activityId, long author, String text, Instant at) {
        var keys = new GeneratedKeyHolder();
        jdbc.update(
                connection -> {
                    PreparedStatement ps = connection.prepareStatement(
                            "insert into activity_comments (activity_id, author_id, text, created_at) values (?, ?, ?, ?)",
                            new String[] {"id"});
                    ps.setLong(1, activityId);
                    ps.setLong(2, author);
                    ps.setString(3, text);
                    ps.setTimestamp(4, Timestamp.from(at));
                    return ps;
                },
                keys);
        return java.util.Objects.requireNonNull(keys.getKey(), "the database makes the id")
                .longValue();
    }

    /** The comments under an activity, oldest first, at most {@code limit}. */
    List<Comment> comments(long activityId, int limit) {
        return jdbc.query(
                "select id, activity_id, author_id, text, created_at from activity_comments where activity_id = ?"
                        + " order by created_at, id limit ?",
                (rs, row) -> comment(rs),
                activityId,
                limit);
    }

    Optional<Comment> findComment(long id) {
        return jdbc
                .query(
                        "select id, activity_id, author_id, text, created_at from activity_comments where id = ?",
                        (rs, row) -> comment(rs),
                        id)
                .stream()
                .findFirst();
    }

    boolean removeComment(long id) {
        return jdbc.update("delete from activity_comments where id = ?", id) > 0;
    }

    /** Everything the member liked or wrote, anywhere. */
    void removeAllBy(long member) {
        jdbc.update("delete from activity_likes where user_id = ?", member);
        jdbc.update("delete from activity_comments where author_id = ?", member);
    }

    private static Comment comment(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Comment(
                rs.getLong("id"),
                rs.getLong("activity_id"),
                rs.getLong("author_id"),
                rs.getString("text"),
                rs.getTimestamp("created_at").toInstant());
    }
}
