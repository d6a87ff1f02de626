package org.cinemates.platform.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.cinemates.platform.ratelimit.Allowance;
import org.cinemates.platform.ratelimit.RateLimitExceeded;
import org.cinemates.platform.ratelimit.RateLimiter;
import org.cinemates.platform.security.RevokedTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Two instances of a service, each with its own connection, against the machine's Redis
 * (127.0.0.1:6379, or -Dcinemates.test.redis.url); and the same against a Redis that is not there.
 */
class SharedStateIT {

    static final String REDIS = System.getProperty("cinemates.test.redis.url", "redis://127.0.0.1:6379");
    final String prefix = "cinemates-test:" + UUID.randomUUID() + ":";
    final List<SharedState> opened = new ArrayList<>();

    @AfterEach
    void close() {
        opened.forEach(SharedState::destroy);
    }

    @Test
    void instancesCountAgainstOneSharedAllowance() {
        SharedState first = instance(REDIS);
        SharedState second = instance(REDIS);
        assertThat(first.mode()).isEqualTo(SharedState.Mode.SHARED);
        var limitOnFirst = new RateLimiter("logins", Allowance.valueOf("3/1h"), first);
        var limitOnSecond = new RateLimiter("logins", Allowance.valueOf("3/1h"), second);

        limitOnFirst.consume("ann");
        limitOnSecond.consume("ann");
        limitOnFirst.consume("ann");

        assertThatThrownBy(() -> limitOnSecond.consume("ann")).isInstanceOf(RateLimitExceeded.class);
        limitOnSecond.consume("bob");
        limitOnFirst.reset("ann");
        limitOnSecond.consume("ann");
    }

    @Test
    void aRevocationOnOneInstanceHoldsOnEveryOther() {
        var onFirst = new RevokedTokens(instance(REDIS), Clock.systemUTC());
        var onSecond = new RevokedTokens(instance(REDIS), Clock.systemUTC());
        Jwt before = token("41", Instant.now().minusSeconds(5));
        Jwt other = token("41", Instant.now().minusSeconds(5));

        onFirst.revoke(before);
        assertThat(onSecond.isRevoked(before)).as("the logged-out token").isTrue();
        assertThat(onSecond.isRevoked(other))
                .as("another session of the same member")
                .isFalse();

        onFirst.revokeSubject("41", Duration.ofMinutes(15));
        assertThat(onSecond.isRevoked(other))
                .as("every token of a deleted account")
                .isTrue();
        assertThat(onSecond.isRevoked(token("41", Instant.now().plusSeconds(5))))
                .as("a token issued after the revocation")
                .isFalse();
        assertThat(onSecond.isRevoked(token("42", Instant.now()))).isFalse();
    }

    @Test
    void withRedisGoneInstancesKeepWorkingOnTheirOwnAndSaySo() {
        SharedState away = instance("redis://127.0.0.1:1");
        var limit = new RateLimiter("logins", Allowance.valueOf("2/1h"), away);

        long started = System.nanoTime();
        limit.consume("ann");
        limit.consume("ann");
        assertThatThrownBy(() -> limit.consume("ann")).isInstanceOf(RateLimitExceeded.class);
        assertThat(Duration.ofNanos(System.nanoTime() - started))
                .as("one failed connection attempt, then local state without waiting")
                .isLessThan(Duration.ofSeconds(5));

        assertThat(away.mode()).isEqualTo(SharedState.Mode.DEGRADED);
        assertThat(new SharedStateHealthIndicator(away).health().getStatus())
                .isEqualTo(SharedStateHealthIndicator.DEGRADED);

        var revoked = new RevokedTokens(away, Clock.systemUTC());
        Jwt token = token("7", Instant.now().minusSeconds(1));
        revoked.revoke(token);
        assertThat(revoked.isRevoked(token)).as("this instance still remembers").isTrue();
    }

    @Test
    void withoutRedisConfiguredEveryInstanceIsLocalAndHealthy() {
        SharedState local = instance(null);
        assertThat(local.mode()).isEqualTo(SharedState.Mode.LOCAL);
        assertThat(new SharedStateHealthIndicator(local).health().getStatus().getCode())
                .isEqualTo("UP");
        assertThat(local.put("k", "v", Duration.ofSeconds(1))).isFalse();
        assertThat(local.get("k")).isEmpty();
    }

    @Test
    void valuesLiveForTheirTimeToLive() throws InterruptedException {
        SharedState first = instance(REDIS);
        SharedState second = instance(REDIS);
        assertThat(first.put("friends:1", "[2,3]", Duration.ofMillis(300))).isTrue();
        assertThat(second.get("friends:1")).contains("[2,3]");
        Thread.sleep(600);
        assertThat(second.get("friends:1")).isEmpty();
    }

    private SharedState instance(@org.jspecify.annotations.Nullable String url) {
        var state = new SharedState(
                new SharedStateSettings(url, prefix, Duration.ofMillis(500), Duration.ofSeconds(30)),
                Clock.systemUTC());
        opened.add(state);
        return state;
    }

    private static Jwt token(String subject, Instant issuedAt) {
        return Jwt.withTokenValue("t")
                .header("alg", "RS256")
                .subject(subject)
                .jti(UUID.randomUUID().toString())
                .issuedAt(issuedAt)
                .expiresAt(issuedAt.plus(Duration.ofMinutes(15)))
                .build();
    }
}
