package org.cinemates.platform.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.cinemates.platform.shared.SharedState;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * Access tokens that stop working before they expire: one token, every token of one session (its
 * holder logged out, the session was ended) or every token of a member issued up to a moment (the
 * account was deleted). With shared state (Redis) every service and instance sees a revocation at
 * once; without it, the instance that revoked does, and the others when their {@link
 * RevocationFeed} next polls user-service's list (a few seconds).
 */
public class RevokedTokens {

    /** The claim naming the session an access token belongs to. */
    public static final String SESSION_CLAIM = "sid";

    private static final Duration LOCAL_MEMORY = Duration.ofHours(1);

    private final SharedState shared;
    private final Clock clock;
    private final Cache<String, Instant> local = Caffeine.newBuilder()
            .expireAfterWrite(LOCAL_MEMORY)
            .maximumSize(100_000)
            .build();

    public RevokedTokens(SharedState shared, Clock clock) {
        this.shared = shared;
        this.clock = clock;
    }

    /** Revokes one token until it expires. */
    public void revoke(Jwt token) {
        String id = token.getId();
        Instant expires = token.getExpiresAt();
        if (id == null || expires == null) {
            return;
        }
        Instant now = clock.instant();
        local.put(tokenKey(id), now);
        if (expires.isAfter(now)) {
            shared.put(tokenKey(id), now.toString(), Duration.between(now, expires));
        }
    }

    /** Revokes every token issued to {@code subject} up to now, for as long as tokens live. */
    public void revokeSubject(String subject, Duration tokenLifetime) {
        Instant now = clock.instant();
        local.put(subjectKey(subject), now);
        shared.put(subjectKey(subject), now.toString(), tokenLifetime.plusMinutes(1));
    }

    /** Revokes every token of session {@code sessionId} (its {@code sid} claim). */
    public void revokeSession(String sessionId, Duration tokenLifetime) {
        Instant now = clock.instant();
        local.put(sessionKey(sessionId), now);
        shared.put(sessionKey(sessionId), now.toString(), tokenLifetime.plusMinutes(1));
    }

    /** Applies an entry of the published revocation list to this instance. */
    public void apply(Revocation revocation) {
        if (!revocation.expiresAt().isAfter(clock.instant())) {
            return;
        }
        String key = switch (revocation.kind()) {
            case SESSION -> sessionKey(revocation.subject());
            case SUBJECT -> subjectKey(revocation.subject());
        };
        local.asMap().merge(key, revocation.revokedAt(), (known, added) -> known.isAfter(added) ? known : added);
    }

    public boolean isRevoked(Jwt token) {
        String id = token.getId();
        String subject = token.getSubject();
        String session = token.getClaimAsString(SESSION_CLAIM);
        Instant issued = token.getIssuedAt();
        if (id != null && local.getIfPresent(tokenKey(id)) != null) {
            return true;
        }
        if (session != null && local.getIfPresent(sessionKey(session)) != null) {
            return true;
        }
        if (subject != null && revokedAfter(local.getIfPresent(subjectKey(subject)), issued)) {
            return true;
        }
        List<String> keys = new ArrayList<>(2);
        if (id != null) {
            keys.add(tokenKey(id));
        }
        if (subject != null) {
            keys.add(subjectKey(subject));
        }
        if (session != null) {
            keys.add(sessionKey(session));
        }
        if (keys.isEmpty()) {
            return false;
        }
        List<@Nullable String> found = shared.getAll(keys).orElse(List.of());
        if (found.isEmpty()) {
            return false;
        }
        int at = 0;
        if (id != null && found.get(at++) != null) {
            return true;
        }
        if (subject != null) {
            String revokedAt = found.get(at++);
            if (revokedAt != null && revokedAfter(Instant.parse(revokedAt), issued)) {
                return true;
            }
        }
        return session != null && found.get(at) != null;
    }

    /** A decoder that also refuses revoked tokens. */
    public JwtDecoder guard(JwtDecoder decoder) {
        return token -> {
            Jwt jwt = decoder.decode(token);
            if (isRevoked(jwt)) {
                throw new BadJwtException("The access token has been revoked");
            }
            return jwt;
        };
    }

    private static boolean revokedAfter(@Nullable Instant revokedAt, @Nullable Instant issued) {
        return revokedAt != null && (issued == null || !issued.isAfter(revokedAt));
    }

    private static String tokenKey(String id) {
        return "revoked:token:" + id;
    }

    private static String sessionKey(String session) {
        return "revoked:session:" + session;
    }

    private static String subjectKey(String subject) {
        return "revoked:subject:" + subject;
    }
}
