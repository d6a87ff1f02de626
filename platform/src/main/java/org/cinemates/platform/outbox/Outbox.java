package org.cinemates.platform.outbox;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cinemates.platform.events.CinematesEvent;
import org.cinemates.platform.events.EventJson;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The write side of the transactional outbox: an event is stored in the service's own {@code
 * outbox_events} table in the same transaction as the change it reports, so it exists if and only
 * if the change does. A relay delivers stored events later.
 *
 * <p>Events are the records of the contract ({@link CinematesEvent}): the type id and the actor
 * come from the record, the payload is its JSON ({@link EventJson#write(CinematesEvent)}).
 */
public class Outbox {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final OutboxDestinations destinations;
    private final EventTraces traces;
    private final Runnable afterCommit;

    /** An outbox whose events all go to activity-service, without trace context. */
    public Outbox(JdbcClient jdbc, Clock clock) {
        this(jdbc, clock, new OutboxDestinations(Map.of()), EventTraces.NONE, () -> {});
    }

    /**
     * @param destinations who takes which events; with none configured, everything goes to
     *     activity-service
     * @param traces where the trace context stored with each event comes from
     * @param afterCommit runs once a transaction that appended events has committed (wakes the
     *     relay, so delivery does not wait for its next poll)
     */
    public Outbox(
            JdbcClient jdbc, Clock clock, OutboxDestinations destinations, EventTraces traces, Runnable afterCommit) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.destinations = destinations;
        this.traces = traces;
        this.afterCommit = afterCommit;
    }

    /**
     * Stores an event, once for each destination that takes its type, with the trace context of
     * the current span; must run inside the transaction that makes the change.
     *
     * @throws IllegalArgumentException when the event breaks the contract (a bug of the caller:
     *     the change is rolled back rather than reported in an event every consumer would drop)
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public UUID append(CinematesEvent event) {
        UUID eventId = UUID.randomUUID();
        Instant now = clock.instant();
        String type = event.type();
        String body = EventJson.write(event);
        String traceparent = traces.current();
        List<String> takers =
                destinations.destinations().isEmpty() ? List.of(OutboxDestinations.DEFAULT) : destinations.takers(type);
        for (String destination : takers) {
            jdbc.sql("""
                            insert into outbox_events
                                (event_id, destination, event_type, actor_id, payload, traceparent,
                                 occurred_at, next_attempt_at)
                            values (:eventId, :destination, :type, :actorId, :payload, :traceparent,
                                    :occurredAt, :occurredAt)
                            """)
                    .param("eventId", eventId)
                    .param("destination", destination)
                    .param("type", type)
                    .param("actorId", event.userId())
                    .param("payload", body)
                    .param("traceparent", traceparent)
                    .param("occurredAt", Timestamp.from(now))
                    .update();
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    afterCommit.run();
                }
            });
        }
        return eventId;
    }
}
