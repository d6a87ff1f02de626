package org.cinemates.user.friendship;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Who is friends with whom; each friendship is stored once per direction. */
@Repository
class Friendships {

    private final JdbcClient jdbc;

    Friendships(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean exist(long a, long b) {
        return jdbc.sql("select count(*) from friendships where user_id = :a and friend_id = :b")
                        .param("a", a)
                        .param("b", b)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** Adds the friendship in both directions; adding an existing one changes nothing. */
    void add(long a, long b, Instant at) {
        insertIfMissing(a, b, at);
        insertIfMissing(b, a, at);
    }

    /** @return whether they were friends */
    boolean remove(long a, long b) {
        return jdbc.sql("""
                                delete from friendships
                                where (user_id = :a and friend_id = :b) or (user_id = :b and friend_id = :a)
                                """).param("a", a).param("b", b).update() > 0;
    }

    List<Long> friendIds(long user) {
        return jdbc.sql("select friend_id from friendships where user_id = :user order by friend_id")
                .param("user", user)
                .query(Long.class)
                .list();
    }

    private void insertIfMissing(long user, long friend, Instant at) {
        jdbc.sql("""
                        insert into friendships (user_id, friend_id, created_at)
                        select :user, :friend, :at where not exists
                            (select 1 from friendships where user_id = :user and friend_id = :friend)
                        """)
                .param("user", user)
                .param("friend", friend)
                .param("at", Timestamp.from(at))
                .update();
    }
}
