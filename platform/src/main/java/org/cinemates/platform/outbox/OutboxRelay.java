package org.cinemates.platform.outbox;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Delivers the service's outbox to one destination (activity-service's {@code
 * /internal/activities}, say) until each event is acknowledged.
 *
 * <p>Each round locks the oldest undelivered events with {@code FOR UPDATE SKIP LOCKED}, posts
 * them in one request and marks them delivered in the same transaction. Several instances of a
 * service can relay at once: an event locked by one is skipped by the others, and it is marked
 * delivered before its lock is released, so no two instances send it. If the acknowledgement is
 * lost (the request timed out after activity-service stored the batch) the events are sent again;
 * activity-service stores each event id once, so that is harmless.
 *
 * <p>While deliveries fail the relay backs off exponentially with jitter, from {@code
 * min-backoff} to {@code max-backoff}, keeping the events in order. A commit that appends an
 * event wakes it at once, so an activity reaches the feed within a moment, not a poll interval.
 *
 * <p>Each event goes out with the trace context it was written in. A delivery is a span in the
 * trace of its oldest event (the one the others wait behind), so the request carries that trace
 * to the destination, and a failed delivery is logged with that trace's id.
 */
public class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final Duration PURGE_EVERY = Duration.ofHours(1);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final RestClient client;
    private final String destination;
    private final String path;
    private final JsonMapper json;
    private final Clock clock;
    private final OutboxRelaySettings settings;
    private final EventTraces traces;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition woken = lock.newCondition();
    private boolean wakeRequested;
    private volatile boolean running;
    private @Nullable Thread worker;

    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private int consecutiveFailures;
    private Instant nextPurge = Instant.EPOCH;

    public OutboxRelay(
            JdbcClient jdbc,
            TransactionTemplate transactions,
            RestClient client,
            String destination,
            String path,
            JsonMapper json,
            Clock clock,
            OutboxRelaySettings settings,
            EventTraces traces) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.client = client;
        this.destination = destination;
        this.path = path;
        this.json = json;
        this.clock = clock;
        this.settings = settings;
        this.traces = traces;
    }

    /** Asks the relay to look for events now (called after a commit that appended one). */
    public void wake() {
        lock.lock();
        try {
            wakeRequested = true;
            woken.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Delivers one batch of pending events, if there are any.
     *
     * @return how many events were delivered; 0 when none were pending
     * @throws RuntimeException when the delivery failed; the events stay pending
     */
    public int deliverBatch() {
        DeliveryFailed[] failure = new DeliveryFailed[1];
        Integer count = transactions.execute(status -> {
            List<Pending> batch = jdbc.sql("""
                            select id, event_id, event_type, actor_id, payload, occurred_at, traceparent
                            from outbox_events
                            where destination = :destination and published_at is null
                            order by id
                            limit :limit
                            for update skip locked
                            """)
                    .param("destination", destination)
                    .param("limit", settings.batchSize())
                    .query((rs, row) -> new Pending(
                            rs.getLong("id"),
                            rs.getObject("event_id", UUID.class),
                            rs.getString("event_type"),
                            rs.getLong("actor_id"),
                            rs.getString("payload"),
                            rs.getTimestamp("occurred_at").toInstant(),
                            rs.getString("traceparent")))
                    .list();
            if (batch.isEmpty()) {
                return 0;
            }
            List<Long> ids = batch.stream().map(Pending::id).toList();
            try {
                send(batch);
            } catch (RuntimeException e) {
                // Committed, so operators see how often an event was tried; the locks go with it.
                jdbc.sql("update outbox_events set attempts = attempts + 1 where id in (:ids)")
                        .param("ids", ids)
                        .update();
                failure[0] = new DeliveryFailed(e, batch.get(0).traceparent());
                return 0;
            }
            jdbc.sql("""
                            update outbox_events
                            set published_at = :now, attempts = attempts + 1
                            where id in (:ids)
                            """)
                    .param("now", Timestamp.from(clock.instant()))
                    .param("ids", ids)
                    .update();
            return batch.size();
        });
        if (failure[0] != null) {
            throw failure[0];
        }
        int sent = count == null ? 0 : count;
        delivered.addAndGet(sent);
        return sent;
    }

    /** Events not delivered yet. */
    public long backlog() {
        return jdbc.sql("select count(*) from outbox_events where destination = :destination and published_at is null")
                .param("destination", destination)
                .query(Long.class)
                .single();
    }

    public String destination() {
        return destination;
    }

    public long deliveredCount() {
        return delivered.get();
    }

    public long failureCount() {
        return failures.get();
    }

    private void send(List<Pending> batch) {
        List<OutboxEvent> events = batch.stream()
                .map(p -> OutboxEvent.of(
                        p.eventId(),
                        p.type(),
                        p.actorId(),
                        p.occurredAt(),
                        json.readTree(p.payload()),
                        p.traceparent()))
                .toList();
        traces.continueTrace(
                batch.get(0).traceparent(),
                "outbox delivery",
                () -> client.post()
                        .uri(path)
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(Map.of("events", events))
                        .retrieve()
                        .toBodilessEntity());
    }

    private void run() {
        log.info("Outbox relay delivering to {}", destination);
        while (running) {
            Duration pause;
            try {
                int sent = deliverBatch();
                if (consecutiveFailures > 0) {
                    log.info(
                            "Outbox relay delivers to {} again after {} failed attempts",
                            destination,
                            consecutiveFailures);
                }
                consecutiveFailures = 0;
                purgeWhenDue();
                pause = sent == settings.batchSize() ? Duration.ZERO : settings.pollInterval();
            } catch (RuntimeException e) {
                failures.incrementAndGet();
                consecutiveFailures++;
                pause = backoff(consecutiveFailures);
                if (consecutiveFailures == 1 || consecutiveFailures % 20 == 0) {
                    try (var scope = traces.logUnder(e instanceof DeliveryFailed d ? d.traceparent() : null)) {
                        log.warn(
                                "Outbox relay could not deliver to {} ({} attempts so far), retrying in {} ms: {}",
                                destination,
                                consecutiveFailures,
                                pause.toMillis(),
                                rootMessage(e));
                    }
                }
            }
            if (!pause.isZero()) {
                await(pause, consecutiveFailures == 0);
            }
        }
    }

    /** Exponential backoff with full jitter in its upper half: d/2 to d. */
    Duration backoff(int failuresInARow) {
        long min = settings.minBackoff().toMillis();
        long max = settings.maxBackoff().toMillis();
        long ceiling = failuresInARow >= 30 ? max : Math.min(max, min << Math.min(failuresInARow - 1, 29));
        long half = Math.max(1, ceiling / 2);
        return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(half + 1));
    }

    private void await(Duration pause, boolean wakeable) {
        lock.lock();
        try {
            long nanos = pause.toNanos();
            while (running && nanos > 0 && !(wakeable && wakeRequested)) {
                nanos = woken.awaitNanos(nanos);
            }
            wakeRequested = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        } finally {
            lock.unlock();
        }
    }

    private void purgeWhenDue() {
        Instant now = clock.instant();
        if (now.isBefore(nextPurge)) {
            return;
        }
        nextPurge = now.plus(PURGE_EVERY);
        int purged = jdbc.sql("delete from outbox_events where destination = :destination and published_at < :before")
                .param("destination", destination)
                .param("before", Timestamp.from(now.minus(settings.retention())))
                .update();
        if (purged > 0) {
            log.info("Purged {} delivered outbox events older than {}", purged, settings.retention());
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e instanceof DeliveryFailed && e.getCause() != null ? e.getCause() : e;
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }

    public void start() {
        running = true;
        Thread thread = new Thread(this::run, "outbox-relay-" + destination);
        thread.setDaemon(true);
        worker = thread;
        thread.start();
    }

    public void stop() {
        running = false;
        wake();
        Thread thread = worker;
        if (thread != null) {
            try {
                thread.join(Duration.ofSeconds(10).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public boolean isRunning() {
        return running;
    }

    private record Pending(
            long id,
            UUID eventId,
            String type,
            long actorId,
            String payload,
            Instant occurredAt,
            @Nullable String traceparent) {}

    /** activity-service did not acknowledge a batch; its events stay pending. */
    public static final class DeliveryFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        private final @Nullable String traceparent;

        DeliveryFailed(RuntimeException cause, @Nullable String traceparent) {
            super("Outbox delivery failed: " + cause.getMessage(), cause);
            this.traceparent = traceparent;
        }

        /** The trace context of the batch's oldest event. */
        @Nullable
        String traceparent() {
            return traceparent;
        }
    }
}
