package org.cinemates.platform.security;

import java.time.Instant;

/** Where a service learns of revoked sessions and members: user-service's published list. */
@FunctionalInterface
public interface RevocationSource {

    /** Revocations recorded at or after {@code since} that have not expired yet. */
    Revocation.Batch since(Instant since);
}
