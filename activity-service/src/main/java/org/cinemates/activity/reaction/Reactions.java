package org.cinemates.activity.reaction;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.cinemates.activity.log.Beside;
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
     * What an activity has gathered.
     *
     * @param likedByMe whether the member reading has liked it
     */
    public record Counts(int likes, int comments, boolean likedByMe) {

        public static final Counts NONE = new Counts(0, 0, false);
    }

    /**
     * The likes and comments of each activity of a page, and whether the member reading liked it,
     * worked out in the page's own statement. Each count is one look into an index per activity.
     *
     * @param member the member reading, or null for a visitor without an account
     */
    public static Beside<Counts> countsFor(@Nullable Long member) {
        return new Beside<>() {
            @Override
            public String columns() {
                return """
                        (select count(*) from activity_likes l where l.activity_id = page.id) as like_count,
                        (select count(*) from activity_comments c where c.activity_id = page.id) as comment_count,
                        exists (select 1 from activity_likes l
                                where l.activity_id = page.id and l.user_id = ?) as liked_by_me""";
            }

            @Override
            public int bind(PreparedStatement statement) throws SQLException {
                // Nobody has id 0: a visitor has liked nothing.
                statement.setLong(1, member != null ? member : 0L);
                return 1;
            }

            @Override
            public Counts read(ResultSet row) throws SQLException {
                return new Counts(row.getInt("like_count"), row.getInt("comment_count"), row.getBoolean("liked_by_me"));
            }
        };
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

    private static Comment comment(ResultSet rs) throws SQLException {
        return new Comment(
                rs.getLong("id"),
                rs.getLong("activity_id"),
                rs.getLong("author_id"),
                rs.getString("text"),
                rs.getTimestamp("created_at").toInstant());
    }
}
