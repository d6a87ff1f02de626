package org.cinemates.platform.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
import java.time.Duration;
import java.util.List;
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
    private final Cache<String, Bucket> buckets;
    private final @Nullable SharedState shared;
    private final BucketConfiguration configuration;

    public RateLimiter(String name, int capacity, Duration period, long maxKeys, @Nullable SharedState shared) {
        this(name, List.of(checked(capacity, period)), maxKeys, shared);
    }

    /**
     * A bucket with several limits at once, each of which must allow a use: {@code 5/1m,
     * 10/15m, 30/1d} lets five uses go quickly, then slows to one every 90 seconds, then to one
     * every 48 minutes, so the delays grow the longer a key keeps trying.
     */
    public RateLimiter(String name, List<Allowance> allowances, long maxKeys, @Nullable SharedState shared) {
        if (allowances.isEmpty()) {
            throw new IllegalArgumentException("A rate limit needs at least one allowance");
        }
        this.name = name;
        this.shared = shared;
        var builder = BucketConfiguration.builder();
        Duration longest = Duration.ZERO;
        for (Allowance allowance : allowances) {
            builder.addLimit(limit -> limit.capacity(allowance.uses()).refillGreedy(allowance.uses(), allowance.per()));
            longest = allowance.per().compareTo(longest) > 0 ? allowance.per() : longest;
        }
        this.configuration = builder.build();
        this.buckets = Caffeine.newBuilder()
                .expireAfterAccess(longest)
                .maximumSize(maxKeys)
                .build();
    }

    private static Allowance checked(int capacity, Duration period) {
        if (capacity < 1 || period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("A rate limit needs a positive capacity and period");
        }
        return new Allowance(capacity, period);
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

    /** Gives back one use taken by {@link #consume} (the attempt turned out legitimate). */
    public void refund(String key) {
        withBucket(key, bucket -> {
            bucket.addTokens(1);
            return Boolean.TRUE;
        });
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
        return buckets.get(key, k -> {
            var builder = Bucket.builder();
            for (var bandwidth : configuration.getBandwidths()) {
                builder.addLimit(bandwidth);
            }
            return builder.build();
        });
    }

    private RateLimitExceeded exceeded(long nanosToWait) {
        return new RateLimitExceeded(Duration.ofNanos(nanosToWait), "Too many attempts; try again later");
    }
}
