package org.cinemates.platform.events;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A delivered event that breaks the contract. Its reason names the field and the rule, never the
 * sender's text, so it can be logged as it is.
 */
public final class InvalidEvent extends Exception {

    private static final long serialVersionUID = 1L;

    private final @Nullable UUID eventId;

    InvalidEvent(String reason, @Nullable UUID eventId) {
        super(reason, null, false, false);
        this.eventId = eventId;
    }

    /** Why it cannot be used, e.g. {@code payload.score must be 0.5 to 5.0 in steps of 0.5}. */
    public String reason() {
        String reason = getMessage();
        return reason != null ? reason : "breaks the contract";
    }

    /** The event's id, when it carried a well-formed one. */
    public @Nullable UUID eventId() {
        return eventId;
    }
}
