package org.cinemates.platform.events;

import com.fasterxml.jackson.annotation.JsonTypeName;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.math.BigDecimal;

/**
 * A member rated a movie, or changed their score of it, without a new review (preference-service).
 * The newest RATED or REVIEWED of a (member, movie) is their rating of it.
 */
@JsonTypeName("RATED")
public record Rated(
        @Positive(message = "must be a positive whole number")
        long userId,

        @Positive(message = "must be a positive whole number")
        long movieId,

        @NotNull(message = "is required") @Stars BigDecimal score)
        implements CinematesEvent {

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.rated(this);
    }
}
