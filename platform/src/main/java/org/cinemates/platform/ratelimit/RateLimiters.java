package org.cinemates.platform.ratelimit;

import org.cinemates.platform.shared.SharedState;

/** Makes rate limiters that share their buckets across instances when Redis is configured. */
public class RateLimiters {

    private final SharedState shared;

    public RateLimiters(SharedState shared) {
        this.shared = shared;
    }

    public RateLimiter create(String name, Allowance allowance) {
        return new RateLimiter(name, allowance, shared);
    }

    /** A limiter whose keys must satisfy every allowance at once (growing delays). */
    public RateLimiter create(String name, java.util.List<Allowance> allowances) {
        return new RateLimiter(name, allowances, 100_000, shared);
    }
}
