package org.cinemates.platform.security;

import java.time.Instant;

/**
 * One entry of user-service's published revocation list.
 *
 * @param kind what {@code subject} names
 * @param subject a session id (the {@code sid} claim) or an account id (the {@code sub} claim)
 * @param revokedAt when it was revoked; for {@link Kind#SUBJECT}, tokens issued up to then are
 *     refused
 * @param expiresAt after this no token it could refuse is still valid, so it may be forgotten
 */
public record Revocation(Kind kind, String subject, Instant revokedAt, Instant expiresAt) {

    public enum Kind {
        /** Every access token of one session (a logout, an ended session, a password change). */
        SESSION,
        /** Every access token of one member issued up to {@code revokedAt} (a deleted account). */
        SUBJECT
    }

    /**
     * What a poll returns.
     *
     * @param items revocations recorded at or after the time asked for
     * @param asOf the publisher's time of the answer: the next poll asks from a little before it
     */
    public record Batch(java.util.List<Revocation> items, Instant asOf) {}
}
