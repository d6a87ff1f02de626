package org.cinemates.user.revocation;

import java.time.Instant;
import org.cinemates.platform.security.Revocation;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

@Table("revocations")
record RevocationEntry(
        @Id @Nullable Long id, Revocation.Kind kind, String subject, Instant revokedAt, Instant expiresAt) {

    Revocation toRevocation() {
        return new Revocation(kind, subject, revokedAt, expiresAt);
    }
}
