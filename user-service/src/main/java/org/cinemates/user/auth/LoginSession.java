package org.cinemates.user.auth;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * One login, as its member sees it in the list of sessions. Its id is the family id of its
 * refresh tokens and the {@code sid} claim of its access tokens.
 */
@Table("sessions")
record LoginSession(
        @Id UUID id,
        long accountId,
        Instant createdAt,
        Instant lastUsedAt,
        String userAgent,
        @Nullable Instant endedAt) {

    /** User agents are shown, not trusted: kept short and printable. */
    static final int MAX_USER_AGENT = 200;

    static LoginSession start(long accountId, @Nullable String userAgent, Instant now) {
        return new LoginSession(UUID.randomUUID(), accountId, now, now, printable(userAgent), null);
    }

    private static String printable(@Nullable String userAgent) {
        if (userAgent == null) {
            return "";
        }
        StringBuilder kept = new StringBuilder(Math.min(userAgent.length(), MAX_USER_AGENT));
        for (int i = 0; i < userAgent.length() && kept.length() < MAX_USER_AGENT; i++) {
            char c = userAgent.charAt(i);
            if (c >= 0x20 && c < 0x7f) {
                kept.append(c);
            }
        }
        return kept.toString().strip();
    }
}
