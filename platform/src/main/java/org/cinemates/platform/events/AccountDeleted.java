package org.cinemates.platform.events;

import com.fasterxml.jackson.annotation.JsonTypeName;
import jakarta.validation.constraints.Positive;

/**
 * A member deleted their account (user-service): every service forgets what it keeps about them.
 * User ids are never reused, so nothing about them that arrives later counts either.
 */
@JsonTypeName("ACCOUNT_DELETED")
public record AccountDeleted(
        @Positive(message = "must be a positive whole number")
        long userId) implements CinematesEvent {

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.accountDeleted(this);
    }
}
