package org.cinemates.user.auth;

import java.time.Instant;
import java.util.UUID;

/** A session as its member sees it: {@code current} is the one asking. */
record SessionView(UUID id, Instant createdAt, Instant lastUsedAt, String userAgent, boolean current) {

    static SessionView of(LoginSession session, boolean current) {
        return new SessionView(session.id(), session.createdAt(), session.lastUsedAt(), session.userAgent(), current);
    }
}
