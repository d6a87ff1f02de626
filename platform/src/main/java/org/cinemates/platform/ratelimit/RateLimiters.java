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
}
