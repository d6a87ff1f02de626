package org.cinemates.activity.log;

import java.util.List;
import org.cinemates.platform.data.Database;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The newest change seen per rating, watchlist entry and friendship (see {@link Mark}). */
@Repository
class Marks {

    private final JdbcTemplate jdbc;
    private final String advance;

    Marks(JdbcTemplate jdbc, Database database) {
        this.jdbc = jdbc;
        this.advance = database == Database.POSTGRESQL ? POSTGRESQL_ADVANCE : H2_ADVANCE;
    }

    /**
     * Stores each change that {@linkplain Mark#supersedes supersedes} the stored one (or is the
     * first); for each, whether it did. The row stays locked until the transaction ends, so
     * concurrent batches about the same thing apply one after the other.
     */
    boolean[] advance(List<Mark> marks) {
        if (marks.isEmpty()) {
            return new boolean[0];
        }
        int[] counts = jdbc.batchUpdate(advance, Sql.batch(marks, (ps, mark) -> {
            ps.setLong(1, mark.actorId());
            ps.setLong(2, mark.subjectId());
            ps.setString(3, mark.kind().name());
            Sql.setTime(ps, 4, mark.occurredAt());
            ps.setBoolean(5, mark.removed());
        }));
        boolean[] advanced = new boolean[counts.length];
        for (int i = 0; i < counts.length; i++) {
            advanced[i] = counts[i] > 0;
        }
        return advanced;
    }

    /** Forgets everything a deleted member did (their later events are ignored anyway). */
    void forgetActor(long actorId) {
        jdbc.update("delete from activity_marks where actor_id = ?", actorId);
    }

    private static final String POSTGRESQL_ADVANCE = """
            insert into activity_marks as m (actor_id, subject_id, kind, occurred_at, removed)
            values (?, ?, ?, ?, ?)
            on conflict (actor_id, subject_id, kind) do update
            set occurred_at = excluded.occurred_at, removed = excluded.removed
            where m.occurred_at < excluded.occurred_at
               or (m.occurred_at = excluded.occurred_at and excluded.removed and not m.removed)
            """;

    private static final String H2_ADVANCE = """
            merge into activity_marks m
            using (values (cast(? as bigint), cast(? as bigint), cast(? as varchar(10)),
                           cast(? as timestamp with time zone), cast(? as boolean)))
                  as e (actor_id, subject_id, kind, occurred_at, removed)
            on m.actor_id = e.actor_id and m.subject_id = e.subject_id and m.kind = e.kind
            when matched and (m.occurred_at < e.occurred_at
                              or (m.occurred_at = e.occurred_at and e.removed and not m.removed)) then
                update set occurred_at = e.occurred_at, removed = e.removed
            when not matched then
                insert (actor_id, subject_id, kind, occurred_at, removed)
                values (e.actor_id, e.subject_id, e.kind, e.occurred_at, e.removed)
            """;
}
