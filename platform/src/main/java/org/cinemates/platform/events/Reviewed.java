package org.cinemates.platform.events;

import com.fasterxml.jackson.annotation.JsonTypeName;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.math.BigDecimal;

/**
 * A member rated a movie with a review that differs from the one they had written before
 * (preference-service): a rating and its review in one event.
 *
 * @param review stripped of surrounding white space
 */
@JsonTypeName("REVIEWED")
public record Reviewed(
        @Positive(message = "must be a positive whole number")
        long userId,

        @Positive(message = "must be a positive whole number")
        long movieId,

        @NotNull(message = "is required") @Stars BigDecimal score,

        @NotBlank(message = "must not be blank") @Text(max = EventJson.MAX_REVIEW)
        String review)
        implements CinematesEvent {

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.reviewed(this);
    }
}
