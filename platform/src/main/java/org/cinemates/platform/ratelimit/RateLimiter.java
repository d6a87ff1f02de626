package org.cinemates.platform.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;
import org.cinemates.platform.shared.SharedState;
import org.jspecify.annotations.Nullable;

/**
 * A token bucket per key (an account, an IP address), refilled steadily: {@code capacity} uses
 * per {@code period}. Buckets of keys that have gone quiet are forgotten, and at most {@code
 * maxKeys} are kept, so a flood of distinct keys cannot exhaust memory.
 *
 * <p>With shared state (Redis) the buckets live there, so every instance of a service counts
 * against the same allowance; while Redis is unreachable each instance counts on its own.
 */
public final class RateLimiter {

    private final String name;
    private final int capacity;
    private final Duration period;
    private final Cache<String, Bucket> buckets;
    private final @Nullable SharedState shared;
    private final BucketConfiguration configuration;

    public RateLimiter(String name, int capacity, Duration period, long maxKeys, @Nullable SharedState shared) {
        if (capacity < 1 || period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("A rate limit needs a positive capacity and period");
        }
        this.name = name;
        this.capacity = capacity;
        this.period = period;
        this.shared = shared;
        this.configuration = BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(capacity).refillGreedy(capacity, period))
                .build();
        this.buckets = Caffeine.newBuilder()
                .expireAfterAccess(period)
                .maximumSize(maxKeys)
                .build();
    }

    public RateLimiter(String name, int capacity, Duration period, long maxKeys) {
        this(name, capacity, period, maxKeys, null);
    }

    public RateLimiter(String name, Allowance allowance) {
        this(name, allowance, null);
    }

    public RateLimiter(String name, Allowance allowance, @Nullable SharedState shared) {
        this(name, allowance.uses(), allowance.per(), 100_000, shared);
    }

    /** Throws {@link RateLimitExceeded} when {@code key} has no use left, without using one. */
    public void ensureAvailable(String key) {
        EstimationProbe probe = withBucket(key, bucket -> bucket.estimateAbilityToConsume(1));
        if (!probe.canBeConsumed()) {
            throw exceeded(probe.getNanosToWaitForRefill());
        }
    }

    /** Uses one of {@code key}'s uses, or throws {@link RateLimitExceeded} when none is left. */
    public void consume(String key) {
        ConsumptionProbe probe = withBucket(key, bucket -> bucket.tryConsumeAndReturnRemaining(1));
        if (!probe.isConsumed()) {
            throw exceeded(probe.getNanosToWaitForRefill());
        }
    }

    /** Counts one use against {@code key} (a failed login, say) without refusing anything now. */
    public void record(String key) {
        withBucket(key, bucket -> bucket.tryConsume(1));
    }

    /** Gives {@code key} its full allowance back. */
    public void reset(String key) {
        buckets.invalidate(key);
        if (shared != null) {
            shared.buckets().ifPresent(remote -> {
                try {
                    remote.removeProxy(sharedKey(key));
                } catch (RuntimeException e) {
                    shared.failed(e);
                }
            });
        }
    }

    public String name() {
        return name;
    }

    private <T> T withBucket(String key, Function<Bucket, T> operation) {
        if (shared != null) {
            var remote = shared.buckets();
            if (remote.isPresent()) {
                try {
                    return operation.apply(remote.get().builder().build(sharedKey(key), configuration));
                } catch (RuntimeException e) {
                    shared.failed(e);
                }
            }
        }
        return operation.apply(localBucket(key));
    }

    private String sharedKey(String key) {
        return Objects.requireNonNull(shared).key("ratelimit:" + name + ":" + key);
    }

    private Bucket localBucket(String key) {
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
