package org.cinemates.platform.events;

import com.fasterxml.jackson.annotation.JsonTypeName;
import jakarta.validation.constraints.Positive;

/**
 * A list others could see is theirs no more (preference-service): made private, or deleted. Its
 * activity goes, until a newer {@link Listed} shows it again.
 */
@JsonTypeName("LIST_WITHDRAWN")
public record ListWithdrawn(
        @Positive(message = "must be a positive whole number")
        long userId,

        @Positive(message = "must be a positive whole number")
        long listId)
        implements CinematesEvent {

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.listWithdrawn(this);
    }
}
