package org.cinemates.platform.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
import java.time.Duration;

/**
 * A token bucket per key (an account, an IP address), refilled steadily: {@code capacity} uses
 * per {@code period}. Buckets of keys that have gone quiet are forgotten, and at most {@code
 * maxKeys} are kept, so a flood of distinct keys cannot exhaust memory.
 */
public final class RateLimiter {

    private final String name;
    private final int capacity;
    private final Duration period;
    private final Cache<String, Bucket> buckets;

    public RateLimiter(String name, int capacity, Duration period, long maxKeys) {
        if (capacity < 1 || period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("A rate limit needs a positive capacity and period");
        }
        this.name = name;
        this.capacity = capacity;
        this.period = period;
        this.buckets = Caffeine.newBuilder()
                .expireAfterAccess(period)
                .maximumSize(maxKeys)
                .build();
    }

    public RateLimiter(String name, Allowance allowance) {
        this(name, allowance.uses(), allowance.per(), 100_000);
    }

    /** Throws {@link RateLimitExceeded} when {@code key} has no use left, without using one. */
    public void ensureAvailable(String key) {
        EstimationProbe probe = bucket(key).estimateAbilityToConsume(1);
        if (!probe.canBeConsumed()) {
            throw exceeded(probe.getNanosToWaitForRefill());
        }
    }

    /** Uses one of {@code key}'s uses, or throws {@link RateLimitExceeded} when none is left. */
    public void consume(String key) {
        ConsumptionProbe probe = bucket(key).tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            throw exceeded(probe.getNanosToWaitForRefill());
        }
    }

    /** Counts one use against {@code key} (a failed login, say) without refusing anything now. */
    public void record(String key) {
        bucket(key).tryConsume(1);
    }

    /** Gives {@code key} its full allowance back. */
    public void reset(String key) {
        buckets.invalidate(key);
    }

    public String name() {
        return name;
    }

    private Bucket bucket(String key) {
        return buckets.get(
                key,
                k -> Bucket.builder()
                        .addLimit(limit -> limit.capacity(capacity).refillGreedy(capacity, period))
                        .build());
    }

    private RateLimitExceeded exceeded(long nanosToWait) {
        return new RateLimitExceeded(Duration.ofNanos(nanosToWait), "Too many attempts; try again later");
    }
}
