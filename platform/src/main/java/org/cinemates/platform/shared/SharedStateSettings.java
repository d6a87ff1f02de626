package org.cinemates.platform.shared;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the shared state lives ({@code cinemates.redis.*}).
 *
 * @param url a Redis URL ({@code redis://host:6379/0}); blank keeps every instance on local state
 * @param keyPrefix put before every key, so several deployments can share one Redis
 * @param commandTimeout how long a request waits for Redis before using its local fallback
 * @param retryAfter how long an instance stays on local state after Redis failed, before trying
 *     again (so requests do not each wait for a timeout while Redis is away)
 */
@ConfigurationProperties("cinemates.redis")
public record SharedStateSettings(
        @Nullable String url,
        @DefaultValue("cinemates:") String keyPrefix,
        @DefaultValue("250ms") Duration commandTimeout,
        @DefaultValue("5s") Duration retryAfter) {

    public boolean configured() {
        return url != null && !url.isBlank();
    }
}
