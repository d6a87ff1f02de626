package org.cinemates.platform.outbox;

import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * An event as the relay sends it: the envelope activity-service's {@code /internal/activities}
 * reads.
 */
record OutboxEvent(UUID eventId, String type, long actorId, String occurredAt, JsonNode payload) {

    static OutboxEvent of(UUID eventId, String type, long actorId, Instant occurredAt, JsonNode payload) {
        return new OutboxEvent(eventId, type, actorId, occurredAt.toString(), payload);
    }
}
