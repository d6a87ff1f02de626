package org.cinemates.platform.events;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The body a relay posts to a consumer: {@code {"events": [...]}}. Only the envelope is checked
 * when the request is read (a 400 for a missing list or too many events); each event is read on
 * its own with {@link EventJson#read}, so one that breaks the contract is refused alone and never
 * blocks the events behind it (a 4xx would make the relay send the batch again, forever).
 *
 * @param events at most {@link #MAX_EVENTS}; elements may be anything, each is checked by {@link
 *     EventJson#read}
 */
public record EventBatch(
        @NotNull(message = "is required") @Size(max = EventBatch.MAX_EVENTS, message = "must hold at most {max} events")
        List<@Nullable JsonNode> events) {

    /** The most events one delivery may carry (the relays send at most 500, 200 by default). */
    public static final int MAX_EVENTS = 500;
}
