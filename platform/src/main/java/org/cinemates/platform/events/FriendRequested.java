package org.cinemates.platform.events;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonTypeName;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Positive;

/**
 * {@code userId} asked {@code toUserId} to be friends (user-service); news for the one asked. If
 * they are answered, a BEFRIENDED follows.
 *
 * @param requestId the friend request's id
 */
@JsonTypeName("FRIEND_REQUESTED")
public record FriendRequested(
        @Positive(message = "must be a positive whole number")
        long userId,

        @Positive(message = "must be a positive whole number")
        long toUserId,

        @Positive(message = "must be a positive whole number")
        long requestId)
        implements CinematesEvent {

    @JsonIgnore
    @AssertTrue(message = "toUserId must be someone else")
    boolean isAskingSomeoneElse() {
        return toUserId != userId;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.friendRequested(this);
    }
}
