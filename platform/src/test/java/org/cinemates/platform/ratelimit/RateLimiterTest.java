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
    void severalAllowancesMakeTheWaitGrowTheLongerAKeyTries() throws InterruptedException {
        RateLimiter limiter = new RateLimiter(
                "growing", java.util.List.of(Allowance.valueOf("1/1s"), Allowance.valueOf("2/1h")), 100, null);
        limiter.consume("k");
        assertThatThrownBy(() -> limiter.consume("k"))
                .isInstanceOfSatisfying(
                        RateLimitExceeded.class,
                        e -> assertThat(e.retryAfterSeconds())
                                .as("at first a short wait")
                                .isEqualTo(1L));
        Thread.sleep(1_100);
        limiter.consume("k");
        assertThatThrownBy(() -> limiter.consume("k"))
                .isInstanceOfSatisfying(
                        RateLimitExceeded.class,
                        e -> assertThat(e.retryAfterSeconds())
                                .as("then the longer limit decides")
                                .isGreaterThan(60L));
        limiter.reset("k");
        limiter.consume("k");
    }

    @Test
    void concurrentConsumersNeverExceedTheAllowance() throws Exception {
        RateLimiter limiter = new RateLimiter("race", Allowance.valueOf("5/1h"));
        var pool = java.util.concurrent.Executors.newFixedThreadPool(16);
        var granted = new java.util.concurrent.atomic.AtomicInteger();
        var start = new java.util.concurrent.CountDownLatch(1);
        var done = new java.util.ArrayList<java.util.concurrent.Future<?>>();
        for (int i = 0; i < 50; i++) {
            done.add(pool.submit(() -> {
                start.await();
                try {
                    limiter.consume("k");
                    granted.incrementAndGet();
                } catch (RateLimitExceeded e) {
                    // refused, as it should be past the allowance
                }
                return null;
            }));
        }
        start.countDown();
        for (var future : done) {
            future.get();
        }
        pool.shutdown();
        assertThat(granted.get()).isEqualTo(5);
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
