package org.cinemates.platform.outbox;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * An event as the relay sends it: the envelope activity-service's {@code /internal/activities}
 * reads, with the W3C trace context of the request that wrote it when there was one.
 */
record OutboxEvent(
        UUID eventId,
        String type,
        long actorId,
        String occurredAt,
        JsonNode payload,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String traceparent) {

    static OutboxEvent of(
            UUID eventId,
            String type,
            long actorId,
            Instant occurredAt,
            JsonNode payload,
            @Nullable String traceparent) {
        return new OutboxEvent(eventId, type, actorId, occurredAt.toString(), payload, traceparent);
    }
}
