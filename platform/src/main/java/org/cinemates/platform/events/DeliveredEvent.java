package org.cinemates.platform.events;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;
import tools.jackson.databind.ser.std.ToStringSerializer;

/**
 * An event as a relay delivers it and a consumer reads it: the envelope around the payload, with
 * the payload's type id beside it as {@code type}.
 *
 * <pre>{@code
 * {"eventId": "3f2504e0-4f89-41d3-9a0c-0305e82c3301", "type": "RATED", "actorId": 12,
 *  "occurredAt": "2026-11-25T15:00:00.123456Z", "payload": {"userId": 12, "movieId": 7, "score": 4.5},
 *  "traceparent": "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"}
 * }</pre>
 *
 * @param eventId one per event; a consumer stores or applies each id once
 * @param actorId the member who did it, the payload's {@code userId}
 * @param occurredAt when it happened: ISO-8601 with an offset, between 1970 and 9999
 * @param traceparent the W3C trace context the event was written in; anything but a string reads
 *     as none, and a consumer checks it before use ({@code EventTraces})
 */
@JsonPropertyOrder({"eventId", "type", "actorId", "occurredAt", "payload", "traceparent"})
public record DeliveredEvent(
        @NotNull(message = "is required") UUID eventId,

        @Positive(message = "must be a positive whole number")
        long actorId,

        @NotNull(message = "is required")
        @JsonSerialize(using = ToStringSerializer.class)
        @JsonDeserialize(using = EventJson.OccurredAtReader.class)
        Instant occurredAt,

        @NotNull(message = "is required")
        @Valid
        @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.EXTERNAL_PROPERTY, property = "type")
        CinematesEvent payload,

        @JsonInclude(JsonInclude.Include.NON_NULL) @JsonDeserialize(using = EventJson.LenientTextReader.class) @Nullable
        String traceparent) {

    /** A payload as its producer wrote it, with a new id and without trace context. */
    public static DeliveredEvent of(CinematesEvent payload, Instant occurredAt) {
        return new DeliveredEvent(UUID.randomUUID(), payload.userId(), occurredAt, payload, null);
    }

    /** The payload's type id. */
    public String type() {
        return payload.type();
    }

    @JsonIgnore
    @AssertTrue(message = "payload.userId must be the actorId")
    boolean isActorsOwn() {
        // A missing payload is reported on its own.
        return payload == null || payload.userId() == actorId;
    }
}
