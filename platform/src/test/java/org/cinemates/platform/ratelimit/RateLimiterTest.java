package org.cinemates.platform.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    @Test
    void allowsTheAllowanceThenRefusesWithARetryTime() {
        RateLimiter limiter = new RateLimiter("test", Allowance.valueOf("3/1h"));
        for (int i = 0; i < 3; i++) {
            limiter.consume("alice");
        }
        assertThatThrownBy(() -> limiter.consume("alice")).isInstanceOfSatisfying(RateLimitExceeded.class, e -> {
            assertThat(e.retryAfterSeconds()).isBetween(1L, 3600L);
            assertThat(e.getHeaders().getFirst("Retry-After")).isEqualTo(Long.toString(e.retryAfterSeconds()));
            assertThat(e.getStatusCode().value()).isEqualTo(429);
        });
        assertThatCode(() -> limiter.consume("bob")).as("keys are independent").doesNotThrowAnyException();
    }

    @Test
    void recordingCountsWithoutRefusingAndCheckingSpendsNothing() {
        RateLimiter limiter = new RateLimiter("failures", Allowance.valueOf("2/15m"));
        limiter.ensureAvailable("k");
        limiter.ensureAvailable("k");
        limiter.ensureAvailable("k");
        limiter.record("k");
        limiter.record("k");
        limiter.record("k");
        assertThatThrownBy(() -> limiter.ensureAvailable("k")).isInstanceOf(RateLimitExceeded.class);
        limiter.reset("k");
        assertThatCode(() -> limiter.ensureAvailable("k")).doesNotThrowAnyException();
    }

    @Test
    void refillsOverThePeriod() throws Exception {
        RateLimiter limiter = new RateLimiter("fast", 1, Duration.ofMillis(200), 10);
        limiter.consume("k");
        assertThatThrownBy(() -> limiter.consume("k")).isInstanceOf(RateLimitExceeded.class);
        Thread.sleep(400);
        assertThatCode(() -> limiter.consume("k")).doesNotThrowAnyException();
    }

    @Test
    void allowancesParseFromSettings() {
        assertThat(Allowance.valueOf("10/15m")).isEqualTo(new Allowance(10, Duration.ofMinutes(15)));
        assertThat(Allowance.valueOf(" 30 / 1h ")).isEqualTo(new Allowance(30, Duration.ofHours(1)));
        assertThatThrownBy(() -> Allowance.valueOf("10")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Allowance.valueOf("0/1m")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Allowance.valueOf("x/1m")).isInstanceOf(IllegalArgumentException.class);
    }
}
