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
import java.util.UUID;
import org.cinemates.platform.security.CsrfTokens;
import org.cinemates.user.UserSettings;
import org.cinemates.user.account.Account;
import org.cinemates.user.account.AccountService;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sessions: an access token plus a family of rotating refresh tokens, bound to one CSRF token.
 * Refresh tokens are random, stored only as hashes, and good for one use each.
 */
@Service
class Sessions {

    private static final Logger log = LoggerFactory.getLogger(Sessions.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final RefreshTokens refreshTokens;
    private final AccessTokens accessTokens;
    private final AccountService accounts;
    private final Duration refreshTtl;
    private final Clock clock;

    Sessions(
            RefreshTokens refreshTokens,
            AccessTokens accessTokens,
            AccountService accounts,
            UserSettings settings,
            Clock clock) {
        this.refreshTokens = refreshTokens;
        this.accessTokens = accessTokens;
        this.accounts = accounts;
        this.refreshTtl = settings.refreshTokenTtl();
        this.clock = clock;
    }

    @Transactional
    Session start(Account account) {
        String xsrf = CsrfTokens.generate();
        String xsrfHash = CsrfTokens.hash(xsrf);
        String refresh = newRefreshToken(account.requireId(), UUID.randomUUID(), xsrfHash);
        String access = accessTokens.issue(account, accounts.roles(account), xsrfHash);
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
        String refresh = newRefreshToken(token.accountId(), token.familyId(), token.xsrfHash());
        String access = accessTokens.issue(account, accounts.roles(account), token.xsrfHash());
        return new Session(account, access, accessTokens.ttl(), refresh, refreshTtl, null);
    }

    private InvalidRefreshToken reused(RefreshToken token, Instant now) {
        refreshTokens.revokeFamily(token.familyId(), now);
        log.warn("Refresh token reused for account {}; session family {} revoked", token.accountId(), token.familyId());
        return new InvalidRefreshToken("This refresh token was used before; the session has been ended");
    }

    /** Ends the session the refresh token belongs to; unknown tokens end nothing. */
    @Transactional
    void end(@Nullable String presented) {
        if (presented == null) {
            return;
        }
        refreshTokens
                .findByTokenHash(hash(presented))
                .ifPresent(token -> refreshTokens.revokeFamily(token.familyId(), now()));
    }

    @Scheduled(initialDelayString = "PT5M", fixedDelayString = "PT1H")
    @Transactional
    void forgetExpired() {
        int removed = refreshTokens.deleteExpiredBefore(now().minus(Duration.ofDays(1)));
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
