package org.cinemates.platform.ratelimit;

import java.time.Duration;
import org.cinemates.platform.web.ProblemException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/** 429 with the {@code Retry-After} a client should honour. */
public class RateLimitExceeded extends ProblemException {

    private final Duration retryAfter;

    public RateLimitExceeded(Duration retryAfter, String detail) {
        super(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many requests", detail);
        this.retryAfter = retryAfter;
        getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds()));
        getBody().setProperty("retryAfter", retryAfterSeconds());
    }

    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}
