package org.cinemates.preference.remote;

/**
 * The services preference-service calls. Each name is the one reported in {@code degraded} lists
 * and the name of its Resilience4j circuit breaker and time limiter.
 */
public enum Dependency {
    MOVIE_SERVICE("movie-service"),
    USER_SERVICE("user-service"),
    ACTIVITY_SERVICE("activity-service");

    private final String serviceName;

    Dependency(String serviceName) {
        this.serviceName = serviceName;
    }

    public String serviceName() {
        return serviceName;
    }
}
