package org.cinemates.user.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.cinemates.platform.security.CsrfTokens;
import org.cinemates.user.UserSettings;
import org.cinemates.user.account.Account;
import org.cinemates.user.account.AccountService;
import org.cinemates.user.revocation.RevocationLog;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sessions: an access token plus a family of rotating refresh tokens, bound to one CSRF token.
 * Refresh tokens are random, stored only as hashes, and good for one use each. Ending a session
 * revokes its refresh tokens and, through the revocation list, its access tokens in every service.
 */
@Service
class Sessions {

    private static final Logger log = LoggerFactory.getLogger(Sessions.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final RefreshTokens refreshTokens;
    private final LoginSessions loginSessions;
    private final RevocationLog revocations;
    private final AccessTokens accessTokens;
    private final AccountService accounts;
    private final Duration refreshTtl;
    private final Clock clock;

    Sessions(
            RefreshTokens refreshTokens,
            LoginSessions loginSessions,
            RevocationLog revocations,
            AccessTokens accessTokens,
            AccountService accounts,
            UserSettings settings,
            Clock clock) {
        this.refreshTokens = refreshTokens;
        this.loginSessions = loginSessions;
        this.revocations = revocations;
        this.accessTokens = accessTokens;
        this.accounts = accounts;
        this.refreshTtl = settings.refreshTokenTtl();
        this.clock = clock;
    }

    /** @param userAgent the client's {@code User-Agent}, shown in the list of sessions */
    @Transactional
    Session start(Account account, @Nullable String userAgent) {
        String xsrf = CsrfTokens.generate();
        String xsrfHash = CsrfTokens.hash(xsrf);
        LoginSession session = LoginSession.start(account.requireId(), userAgent, now());
        loginSessions.insert(session.id(), session.accountId(), session.createdAt(), session.userAgent());
        String refresh = newRefreshToken(account.requireId(), session.id(), xsrfHash);
        String access = accessTokens.issue(account, accounts.roles(account), xsrfHash, session.id());
        return new Session(account, access, accessTokens.ttl(), refresh, refreshTtl, xsrf);
    }

    /**
     * Swaps a refresh token for a new session state. Reuse of a spent token revokes its whole
     * family, and that revocation is kept although the request fails.
     *
     * @param xsrfHeader the CSRF header of a cookie request; it must be this session's token
     */
    @Transactional(noRollbackFor = InvalidRefreshToken.class)
    Session refresh(@Nullable String presented, @Nullable String xsrfHeader) {
        if (presented == null) {
            throw new InvalidRefreshToken("No refresh token was sent");
        }
        Instant now = now();
        RefreshToken token = refreshTokens
                .findByTokenHash(hash(presented))
                .orElseThrow(() -> new InvalidRefreshToken("The refresh token is not valid"));
        if (token.revokedAt() != null) {
            throw new InvalidRefreshToken("This session has ended");
        }
        if (token.usedAt() != null) {
            throw reused(token, now);
        }
        if (!token.expiresAt().isAfter(now)) {
            throw new InvalidRefreshToken("The session has expired");
        }
        if (xsrfHeader != null && !CsrfTokens.same(CsrfTokens.hash(xsrfHeader), token.xsrfHash())) {
            throw new CsrfMismatch();
        }
        if (!refreshTokens.markUsed(requireId(token), now)) {
            throw reused(token, now);
        }
        Account account = accounts.get(token.accountId());
        loginSessions.touch(token.familyId(), now);
        String refresh = newRefreshToken(token.accountId(), token.familyId(), token.xsrfHash());
        String access = accessTokens.issue(account, accounts.roles(account), token.xsrfHash(), token.familyId());
        return new Session(account, access, accessTokens.ttl(), refresh, refreshTtl, null);
    }

    private InvalidRefreshToken reused(RefreshToken token, Instant now) {
        endFamily(token.familyId(), now);
        log.warn("Refresh token reused for account {}; session family {} revoked", token.accountId(), token.familyId());
        return new InvalidRefreshToken("This refresh token was used before; the session has been ended");
    }

    /** Ends the session the refresh token belongs to; unknown tokens end nothing. */
    @Transactional
    void end(@Nullable String presented) {
        if (presented == null) {
            return;
        }
        refreshTokens.findByTokenHash(hash(presented)).ifPresent(token -> endFamily(token.familyId(), now()));
    }

    /** Ends one of the member's sessions, wherever its tokens are. */
    @Transactional
    void end(long accountId, UUID sessionId) {
        if (loginSessions.openOf(accountId, sessionId).isEmpty()) {
            throw new SessionNotFound();
        }
        endFamily(sessionId, now());
    }

    /** Ends the member's session if it is still open (a logout by access token). */
    @Transactional
    void endIfOpen(long accountId, UUID sessionId) {
        if (loginSessions.openOf(accountId, sessionId).isPresent()) {
            endFamily(sessionId, now());
        }
    }

    /** Ends every session of the member but {@code kept} (the one asking; null ends them all). */
    @Transactional
    int endAllBut(long accountId, @Nullable UUID kept) {
        Instant now = now();
        int ended = 0;
        for (LoginSession session : loginSessions.openOf(accountId)) {
            if (!session.id().equals(kept)) {
                endFamily(session.id(), now);
                ended++;
            }
        }
        return ended;
    }

    /**
     * The member's open sessions, the most recently used first.
     *
     * @param current the session asking, marked as such
     */
    @Transactional(readOnly = true)
    List<SessionView> list(long accountId, @Nullable UUID current) {
        return loginSessions.openOf(accountId).stream()
                .map(session -> SessionView.of(session, session.id().equals(current)))
                .toList();
    }

    private void endFamily(UUID familyId, Instant now) {
        refreshTokens.revokeFamily(familyId, now);
        loginSessions.end(familyId, now);
        revocations.revokeSession(familyId);
    }

    @Scheduled(initialDelayString = "PT5M", fixedDelayString = "PT1H")
    @Transactional
    void forgetExpired() {
        int removed = refreshTokens.deleteExpiredBefore(now().minus(Duration.ofDays(1)));
        loginSessions.deleteUnusedBefore(now().minus(refreshTtl).minus(Duration.ofDays(1)));
        if (removed > 0) {
            log.info("Removed {} expired refresh tokens", removed);
        }
    }

    private String newRefreshToken(long accountId, UUID familyId, String xsrfHash) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = now();
        refreshTokens.save(new RefreshToken(
                null, hash(token), familyId, accountId, xsrfHash, now, now.plus(refreshTtl), null, null));
        return token;
    }

    private static long requireId(RefreshToken token) {
        Long id = token.id();
        if (id == null) {
            throw new IllegalStateException("Stored refresh token without id");
        }
        return id;
    }

    private static String hash(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
