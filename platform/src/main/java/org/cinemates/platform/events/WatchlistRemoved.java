package org.cinemates.platform.events;

import com.fasterxml.jackson.annotation.JsonTypeName;
import jakarta.validation.constraints.Positive;

/** A member took a movie off their watchlist (preference-service); only a change is an event. */
@JsonTypeName("WATCHLIST_REMOVED")
public record WatchlistRemoved(
        @Positive(message = "must be a positive whole number")
        long userId,

        @Positive(message = "must be a positive whole number")
        long movieId)
        implements CinematesEvent {

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.watchlistRemoved(this);
    }
}
