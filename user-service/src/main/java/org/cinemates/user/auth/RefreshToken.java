package org.cinemates.user.auth;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * One refresh token of a session, stored as a hash. Using it marks it used and issues its
 * successor in the same family; presenting a used one again means it was stolen, and ends the
 * family.
 *
 * @param xsrfHash the hash of the session's CSRF token, which refresh requests must match
 */
@Table("refresh_tokens")
record RefreshToken(
        @Id @Nullable Long id,
        String tokenHash,
        UUID familyId,
        long accountId,
        String xsrfHash,
        Instant issuedAt,
        Instant expiresAt,
        @Nullable Instant usedAt,
        @Nullable Instant revokedAt) {}
