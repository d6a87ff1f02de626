package org.cinemates.user.auth;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface LoginSessions extends ListCrudRepository<LoginSession, UUID> {

    @Query("select * from sessions where account_id = :accountId and ended_at is null order by last_used_at desc")
    List<LoginSession> openOf(long accountId);

    @Query("select * from sessions where id = :id and account_id = :accountId and ended_at is null")
    Optional<LoginSession> openOf(long accountId, UUID id);

    /** Sessions have their id before they are stored, so they are inserted explicitly. */
    @Modifying
    @Query("""
            insert into sessions (id, account_id, created_at, last_used_at, user_agent)
            values (:id, :accountId, :createdAt, :createdAt, :userAgent)
            """)
    void insert(UUID id, long accountId, Instant createdAt, String userAgent);

    @Modifying
    @Query("update sessions set last_used_at = :at where id = :id")
    void touch(UUID id, Instant at);

    @Modifying
    @Query("update sessions set ended_at = :at where id = :id and ended_at is null")
    boolean end(UUID id, Instant at);

    @Modifying
    @Query("delete from sessions where last_used_at < :cutoff")
    int deleteUnusedBefore(Instant cutoff);
}
