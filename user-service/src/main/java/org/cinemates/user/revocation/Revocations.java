package org.cinemates.user.revocation;

import java.time.Instant;
import java.util.List;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface Revocations extends ListCrudRepository<RevocationEntry, Long> {

    @Query("select * from revocations where revoked_at >= :since and expires_at > :now order by id")
    List<RevocationEntry> recordedSince(Instant since, Instant now);

    @Modifying
    @Query("delete from revocations where expires_at < :cutoff")
    int deleteExpiredBefore(Instant cutoff);
}
