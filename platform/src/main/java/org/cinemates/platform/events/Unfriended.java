package org.cinemates.platform.events;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonTypeName;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Positive;

/** {@code userId} ended their friendship with {@code friendId} (user-service). */
@JsonTypeName("UNFRIENDED")
public record Unfriended(
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
        return visitor.unfriended(this);
    }
}
