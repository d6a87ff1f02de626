package org.cinemates.platform.events;

import com.fasterxml.jackson.annotation.JsonTypeName;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A member logged a viewing of a movie in their diary (preference-service). Each viewing is its
 * own event: a rewatch is news even when the score stays the same. A score given here is also the
 * member's rating when it is their latest viewing; that change comes as its own RATED or REVIEWED.
 *
 * @param entryId the diary entry's id
 * @param watchedOn the day the member watched it (ISO date)
 * @param score half stars, or null when the member gave none
 * @param review stripped of surrounding white space, or null
 */
@JsonTypeName("LOGGED")
public record Logged(
        @Positive(message = "must be a positive whole number")
        long userId,

        @Positive(message = "must be a positive whole number")
        long movieId,

        @Positive(message = "must be a positive whole number")
        long entryId,

        @NotNull(message = "is required") LocalDate watchedOn,

        @Stars @Nullable BigDecimal score,

        @Text(max = EventJson.MAX_REVIEW) @Nullable String review,

        boolean rewatch,

        boolean liked)
        implements CinematesEvent {

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.logged(this);
    }
}
