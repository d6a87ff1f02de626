package org.cinemates.activity.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Every member's notifications, and how far each has read them. */
@Repository
public class Notifications {

    /** What a notification says happened. */
    public enum Type {
        FRIEND_REQUEST,
        FRIEND_ACCEPTED,
        LIKED,
        COMMENTED,
        RECOMMENDED
    }

    private final JdbcTemplate jdbc;

    Notifications(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Adds a notification, once per source; none for news about oneself.
     *
     * @param source what made it, unique: an event id, or the like it tells of
     * @return whether it was added
     */
    public boolean add(
            long recipient,
            Type type,
            long actor,
            @Nullable Long activityId,
            @Nullable Long movieId,
            @Nullable String text,
            String source,
            Instant at) {
        if (recipient == actor) {
            return false;
        }
        return jdbc.update("""
                        insert into notifications (user_id, type, actor_id, activity_id, movie_id, text, source, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (source) do nothing
                        """, recipient, type.name(), actor, activityId, movieId, text, source, Timestamp.from(at))
                > 0;
    }

    /** A member's notifications, newest first, older than {@code before} when given. */
    List<Notification> page(long member, @Nullable Long before, int limit) {
        return jdbc.query(
                "select id, type, actor_id, activity_id, movie_id, text, created_at from notifications"
                        + " where user_id = ? and id < ? order by id desc limit ?",
                Notifications::notification,
                member,
                before != null ? before : Long.MAX_VALUE,
                limit);
    }

    long readUpTo(long member) {
        return jdbc
                .query(
                        "select read_up_to from notification_reads where user_id = ?",
                        (rs, row) -> rs.getLong(1),
                        member)
                .stream()
                .findFirst()
                .orElse(0L);
    }

    long unread(long member) {
        Long count = jdbc.queryForObject(
                "select count(*) from notifications where user_id = ? and id > coalesce("
                        + "(select read_up_to from notification_reads where user_id = ?), 0)",
                Long.class,
                member,
                member);
        return count != null ? count : 0;
    }

    /** Marks every notification up to this id read (never un-reads any). */
    void markRead(long member, long upTo) {
        jdbc.update("""
                insert into notification_reads (user_id, read_up_to) values (?, ?)
                on conflict (user_id) do update set read_up_to = greatest(notification_reads.read_up_to, excluded.read_up_to)
                """, member, upTo);
    }

    long newest(long member) {
        Long newest = jdbc.queryForObject("select max(id) from notifications where user_id = ?", Long.class, member);
        return newest != null ? newest : 0;
    }

    /** What was for or by a deleted member. */
    void removeAllOf(long member) {
        jdbc.update("delete from notifications where user_id = ? or actor_id = ?", member, member);
        jdbc.update("delete from notification_reads where user_id = ?", member);
    }

    /** A comment taken back takes its notification along. */
    public void removeBySource(String source) {
        jdbc.update("delete from notifications where source = ?", source);
    }

    private static Notification notification(ResultSet rs, int row) throws SQLException {
        return new Notification(
                rs.getLong("id"),
                Type.valueOf(rs.getString("type")),
                rs.getLong("actor_id"),
                (Long) rs.getObject("activity_id", Long.class),
                (Long) rs.getObject("movie_id", Long.class),
                rs.getString("text"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }
}
