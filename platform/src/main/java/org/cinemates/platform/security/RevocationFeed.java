package org.cinemates.platform.security;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Keeps {@link RevokedTokens} up to date from user-service's revocation list, polled like the key
 * set, so a logout or a deleted account reaches every instance of every service within one poll
 * interval, with or without Redis. Each poll asks again for a little before the last answer's
 * time ({@link #OVERLAP}), so a revocation whose transaction committed late is not missed;
 * applying one twice changes nothing. While the publisher is unreachable the revocations already
 * known stay in force.
 */
public class RevocationFeed implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RevocationFeed.class);

    static final Duration OVERLAP = Duration.ofSeconds(30);

    private final RevocationSource source;
    private final RevokedTokens revoked;
    private final Duration interval;
    private volatile Instant since = Instant.EPOCH;
    private volatile boolean failing;
    private @Nullable ScheduledExecutorService scheduler;

    public RevocationFeed(RevocationSource source, RevokedTokens revoked, Duration interval) {
        this.source = source;
        this.revoked = revoked;
        this.interval = interval;
    }

    /** Fetches and applies what is new; false when the publisher could not be asked. */
    public boolean poll() {
        try {
            Revocation.Batch batch = source.since(since);
            batch.items().forEach(revoked::apply);
            since = batch.asOf().minus(OVERLAP);
            if (failing) {
                log.info("Revocation list reachable again");
            }
            failing = false;
            return true;
        } catch (RuntimeException e) {
            if (!failing) {
                log.warn("Could not fetch the revocation list, keeping the revocations known: {}", e.toString());
            }
            failing = true;
            return false;
        }
    }

    @Override
    public synchronized void start() {
        if (scheduler != null) {
            return;
        }
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "revocation-feed");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::poll, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        scheduler = executor;
    }

    @Override
    public synchronized void stop() {
        ScheduledExecutorService executor = scheduler;
        if (executor != null) {
            executor.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}
