package org.cinemates.platform.shared;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * {@code sharedState} in health: UP on Redis or on purpose without it, DEGRADED (still serving,
 * still ready) when Redis is configured but unreachable.
 */
public class SharedStateHealthIndicator implements HealthIndicator {

    public static final Status DEGRADED = new Status("DEGRADED", "Redis is unreachable: using local state");

    private final SharedState shared;

    public SharedStateHealthIndicator(SharedState shared) {
        this.shared = shared;
    }

    @Override
    public Health health() {
        return switch (shared.mode()) {
            case LOCAL -> Health.up().withDetail("mode", "local").build();
            case SHARED -> Health.up().withDetail("mode", "redis").build();
            case DEGRADED ->
                Health.status(DEGRADED)
                        .withDetail("mode", "local fallback")
                        .withDetail("error", String.valueOf(shared.lastFailure()))
                        .build();
        };
    }
}
