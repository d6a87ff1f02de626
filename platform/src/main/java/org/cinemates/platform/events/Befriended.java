package org.cinemates.platform.events;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonTypeName;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Positive;

/**
 * Two members became friends (user-service): {@code userId} accepted the request of {@code
 * friendId}, or asked someone who had asked them first.
 */
@JsonTypeName("BEFRIENDED")
public record Befriended(
        @Positive(message = "must be a positive whole number")
        long userId,

        @Positive(message = "must be a positive whole number")
        long friendId)
        implements CinematesEvent {

    @JsonIgnore
    @AssertTrue(message = "friendId must be someone else")
    boolean isFriendSomeoneElse() {
        return friendId != userId;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.befriended(this);
    }
}
