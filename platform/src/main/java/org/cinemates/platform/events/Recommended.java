package org.cinemates.platform.events;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonTypeName;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Positive;
import org.jspecify.annotations.Nullable;

/**
 * {@code userId} recommended a movie to their friend {@code toUserId} (preference-service); news
 * for the friend.
 *
 * @param note the sender's words, stripped, or null
 */
@JsonTypeName("RECOMMENDED")
public record Recommended(
        @Positive(message = "must be a positive whole number")
        long userId,

        @Positive(message = "must be a positive whole number")
        long toUserId,

        @Positive(message = "must be a positive whole number")
        long movieId,

        @Text(max = Recommended.MAX_NOTE) @Nullable String note)
        implements CinematesEvent {

    /** The longest note a recommendation carries. */
    public static final int MAX_NOTE = 1000;

    @JsonIgnore
    @AssertTrue(message = "toUserId must be someone else")
    boolean isToSomeoneElse() {
        return toUserId != userId;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.recommended(this);
    }
}
