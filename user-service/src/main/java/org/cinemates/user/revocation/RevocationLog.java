package org.cinemates.user.revocation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.cinemates.platform.security.Revocation;
import org.cinemates.platform.security.RevocationSource;
import org.cinemates.platform.security.RevokedTokens;
import org.cinemates.user.UserSettings;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records revocations for as long as a token they refuse can live. The instance that revokes
 * refuses at once; other instances and services read the list through {@link #since}, locally
 * or over {@code /internal/revocations}.
 */
@Service
public class RevocationLog implements RevocationSource {

    private final Revocations revocations;
    private final RevokedTokens revoked;
    private final Duration tokenLifetime;
    private final Clock clock;

    RevocationLog(Revocations revocations, RevokedTokens revoked, UserSettings settings, Clock clock) {
        this.revocations = revocations;
        this.revoked = revoked;
        this.tokenLifetime = settings.accessTokenTtl();
        this.clock = clock;
    }

    /** Every access token of the session stops working everywhere. */
    @Transactional
    public void revokeSession(UUID sessionId) {
        record(Revocation.Kind.SESSION, sessionId.toString());
        revoked.revokeSession(sessionId.toString(), tokenLifetime);
    }

    /** Every access token of the member issued until now stops working everywhere. */
    @Transactional
    public void revokeMember(long accountId) {
        record(Revocation.Kind.SUBJECT, Long.toString(accountId));
        revoked.revokeSubject(Long.toString(accountId), tokenLifetime);
    }

    @Override
    @Transactional(readOnly = true)
    public Revocation.Batch since(Instant since) {
        Instant now = now();
        return new Revocation.Batch(
                revocations.recordedSince(since, now).stream()
                        .map(RevocationEntry::toRevocation)
                        .toList(),
                now);
    }

    @Scheduled(initialDelayString = "PT5M", fixedDelayString = "PT1H")
    @Transactional
    void forgetExpired() {
        revocations.deleteExpiredBefore(now());
    }

    private void record(Revocation.Kind kind, String subject) {
        Instant now = now();
        // A minute longer than a token lives, so clocks a little apart cannot let one through.
        revocations.save(new RevocationEntry(null, kind, subject, now, now.plus(tokenLifetime.plusMinutes(1))));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
