package org.cinemates.platform.config;

import java.util.TimeZone;

/** What every service's {@code main} sets up before Spring starts. */
public final class ServiceRuntime {

    static final String COMMON_POOL_PARALLELISM = "java.util.concurrent.ForkJoinPool.common.parallelism";

    private ServiceRuntime() {}

    /**
     * Dates in UTC, and a common fork-join pool of at least two threads. The JVM sizes that pool
     * at one thread fewer than the cores it sees, so on two cores it has one, and then every
     * {@code CompletableFuture} stage run "async" without an executor (the JDK's HTTP client
     * runs some) starts a thread of its own: thousands a minute under load instead of a few
     * pooled ones. Must run before anything touches the common pool; an explicit
     * {@code -Djava.util.concurrent.ForkJoinPool.common.parallelism} wins.
     */
    public static void prepare() {
        TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
        if (System.getProperty(COMMON_POOL_PARALLELISM) == null
                && Runtime.getRuntime().availableProcessors() <= 2) {
            System.setProperty(COMMON_POOL_PARALLELISM, "2");
        }
    }
}
