package org.cinemates.platform.events;

import com.fasterxml.jackson.annotation.JsonTypeName;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/**
 * A member changed the name they are shown by (user-service). Carries both names, so a consumer
 * that missed the JOINED still learns them.
 */
@JsonTypeName("PROFILE_UPDATED")
public record ProfileUpdated(
        @Positive(message = "must be a positive whole number")
        long userId,

        @NotBlank(message = "must not be blank") @Text(max = EventJson.MAX_NAME)
        String username,

        @NotNull(message = "is required") @Text(max = EventJson.MAX_NAME)
        String displayName)
        implements CinematesEvent {

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.profileUpdated(this);
    }
}
