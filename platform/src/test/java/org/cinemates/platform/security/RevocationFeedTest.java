package org.cinemates.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cinemates.platform.shared.SharedState;
import org.cinemates.platform.shared.SharedStateSettings;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

/** Instances without Redis learn revocations from the published list. */
class RevocationFeedTest {

    private final Instant now = Instant.now();
    private final RevokedTokens revoked = new RevokedTokens(
            new SharedState(
                    new SharedStateSettings(null, "t:", Duration.ofMillis(100), Duration.ofSeconds(1)),
                    Clock.systemUTC()),
            Clock.systemUTC());

    @Test
    void aPolledSessionRevocationRefusesEveryTokenOfThatSessionOnly() {
        Jwt ended = token("7", "session-a", now.minusSeconds(5));
        Jwt other = token("7", "session-b", now.minusSeconds(5));
        var feed = new RevocationFeed(
                since -> new Revocation.Batch(
                        List.of(new Revocation(Revocation.Kind.SESSION, "session-a", now, now.plusSeconds(600))), now),
                revoked,
                Duration.ofSeconds(1));

        assertThat(revoked.isRevoked(ended)).isFalse();
        assertThat(feed.poll()).isTrue();
        assertThat(revoked.isRevoked(ended)).isTrue();
        assertThat(revoked.isRevoked(other)).isFalse();
    }

    @Test
    void aPolledSubjectRevocationRefusesTokensIssuedUpToItsTime() {
        Jwt before = token("9", "s1", now.minusSeconds(5));
        Jwt after = token("9", "s2", now.plusSeconds(5));
        revoked.apply(new Revocation(Revocation.Kind.SUBJECT, "9", now, now.plusSeconds(600)));
        assertThat(revoked.isRevoked(before)).isTrue();
        assertThat(revoked.isRevoked(after)).isFalse();
    }

    @Test
    void expiredEntriesAreIgnored() {
        revoked.apply(new Revocation(Revocation.Kind.SESSION, "old", now.minusSeconds(900), now.minusSeconds(1)));
        assertThat(revoked.isRevoked(token("1", "old", now.minusSeconds(950)))).isFalse();
    }

    @Test
    void eachPollAsksAgainFromALittleBeforeTheLastAnswerAndSurvivesAnOutage() {
        List<Instant> asked = new ArrayList<>();
        boolean[] down = {false};
        var feed = new RevocationFeed(
                since -> {
                    asked.add(since);
                    if (down[0]) {
                        throw new IllegalStateException("connection refused");
                    }
                    return new Revocation.Batch(
                            List.of(new Revocation(Revocation.Kind.SESSION, "kept", now, now.plusSeconds(600))), now);
                },
                revoked,
                Duration.ofSeconds(1));
        assertThat(feed.poll()).isTrue();
        down[0] = true;
        assertThat(feed.poll()).isFalse();
        assertThat(asked).containsExactly(Instant.EPOCH, now.minus(RevocationFeed.OVERLAP));
        assertThat(revoked.isRevoked(token("3", "kept", now.minusSeconds(1))))
                .as("known revocations stay in force while the list is unreachable")
                .isTrue();
    }

    private static Jwt token(String subject, String session, Instant issued) {
        return new Jwt(
                "t",
                issued,
                issued.plusSeconds(900),
                Map.of("alg", "RS256"),
                Map.of("sub", subject, "sid", session, "jti", subject + session + issued, "iat", issued));
    }
}
