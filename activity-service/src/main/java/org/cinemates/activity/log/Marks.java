package org.cinemates.activity.log;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The newest change seen per rating, watchlist entry and friendship (see {@link Mark}). */
@Repository
class Marks {

    private final JdbcTemplate jdbc;

    Marks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
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
        int[] counts = jdbc.batchUpdate(ADVANCE, Sql.batch(marks, (ps, mark) -> {
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

    private static final String ADVANCE = """
            insert into activity_marks as m (actor_id, subject_id, kind, occurred_at, removed)
            values (?, ?, ?, ?, ?)
            on conflict (actor_id, subject_id, kind) do update
            set occurred_at = excluded.occurred_at, removed = excluded.removed
            where m.occurred_at < excluded.occurred_at
               or (m.occurred_at = excluded.occurred_at and excluded.removed and not m.removed)
            """;
}
