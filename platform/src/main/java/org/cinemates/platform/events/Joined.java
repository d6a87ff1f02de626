package org.cinemates.platform.events;

import com.fasterxml.jackson.annotation.JsonTypeName;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/**
 * A member joined (user-service, on registration).
 *
 * @param username lower-case, as they sign in
 * @param displayName shown instead of the username
 */
@JsonTypeName("JOINED")
public record Joined(
        @Positive(message = "must be a positive whole number")
        long userId,

        @NotBlank(message = "must not be blank") @Text(max = EventJson.MAX_NAME)
        String username,

        @NotNull(message = "is required") @Text(max = EventJson.MAX_NAME)
        String displayName)
        implements CinematesEvent {

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.joined(this);
    }
}
