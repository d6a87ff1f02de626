package org.cinemates.activity.log;

import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Accounts that were deleted: nothing about them is stored any more. */
@Repository
class DeletedAccounts {

    private final JdbcClient jdbc;

    DeletedAccounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the deletion; whether it was not known yet. */
    boolean add(long userId, Instant deletedAt) {
        return jdbc.sql("""
                        insert into deleted_accounts (user_id, deleted_at) values (:userId, :deletedAt)
                        on conflict do nothing
                        """)
                        .param("userId", userId)
                        .param("deletedAt", Sql.utc(deletedAt))
                        .update()
                > 0;
    }

    /** Those of these ids whose accounts were deleted. */
    Set<Long> among(Collection<Long> userIds) {
        if (userIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("select user_id from deleted_accounts where user_id in (:ids)")
                .param("ids", userIds)
                .query(Long.class)
                .list());
    }
}
