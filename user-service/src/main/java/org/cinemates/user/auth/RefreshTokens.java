package org.cinemates.user.auth;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface RefreshTokens extends ListCrudRepository<RefreshToken, Long> {

    Optional<RefreshToken> findByTokenHash(String tokenHash);

    /** Marks the token used unless it was used or revoked already; false means someone beat us. */
    @Modifying
    @Query("update refresh_tokens set used_at = :at where id = :id and used_at is null and revoked_at is null")
    boolean markUsed(long id, Instant at);

    @Modifying
    @Query("update refresh_tokens set revoked_at = :at where family_id = :familyId and revoked_at is null")
    int revokeFamily(UUID familyId, Instant at);

    @Modifying
    @Query("delete from refresh_tokens where expires_at < :cutoff")
    int deleteExpiredBefore(Instant cutoff);
}
