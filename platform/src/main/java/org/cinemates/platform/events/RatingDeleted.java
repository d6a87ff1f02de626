package org.cinemates.platform.events;

import com.fasterxml.jackson.annotation.JsonTypeName;
import jakarta.validation.constraints.Positive;

/** A member took back their rating (and review) of a movie (preference-service). */
@JsonTypeName("RATING_DELETED")
public record RatingDeleted(
        @Positive(message = "must be a positive whole number")
        long userId,

        @Positive(message = "must be a positive whole number")
        long movieId)
        implements CinematesEvent {

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.ratingDeleted(this);
    }
}
