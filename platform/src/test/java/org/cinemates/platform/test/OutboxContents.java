package org.cinemates.platform.test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cinemates.platform.events.DeliveredEvent;
import org.cinemates.platform.events.EventJson;
import org.cinemates.platform.events.InvalidEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A service's outbox as its consumers will read it: each stored event put into the envelope the
 * relay sends and read back with {@link EventJson#read}, so a producer's test sees the records it
 * wrote, or fails on one that breaks the contract.
 */
public final class OutboxContents {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private OutboxContents() {}

    /** The events this member's changes put into the outbox, oldest first, each once. */
    public static List<DeliveredEvent> eventsOf(JdbcClient jdbc, long actorId) {
        Map<UUID, DeliveredEvent> events = new LinkedHashMap<>();
        jdbc.sql("""
                        select event_id, event_type, actor_id, payload, occurred_at
                        from outbox_events where actor_id = :actor order by id
                        """)
                .param("actor", actorId)
                .query((rs, row) -> {
                    ObjectNode envelope = JSON.createObjectNode();
                    envelope.put("eventId", rs.getString("event_id"));
                    envelope.put("type", rs.getString("event_type"));
                    envelope.put("actorId", rs.getLong("actor_id"));
                    envelope.put(
                            "occurredAt",
                            rs.getTimestamp("occurred_at").toInstant().toString());
                    envelope.set("payload", JSON.readTree(rs.getString("payload")));
                    return envelope;
                })
                .list()
                .forEach(envelope -> {
                    DeliveredEvent event = read(envelope);
                    events.putIfAbsent(event.eventId(), event);
                });
        return List.copyOf(events.values());
    }

    private static DeliveredEvent read(ObjectNode envelope) {
        try {
            return EventJson.read(envelope);
        } catch (InvalidEvent e) {
            throw new AssertionError("The outbox holds an event that breaks the contract: " + e.reason(), e);
        }
    }
}
