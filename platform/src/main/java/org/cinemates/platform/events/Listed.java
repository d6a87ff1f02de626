package org.cinemates.platform.events;

import com.fasterxml.jackson.annotation.JsonTypeName;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * A member showed a list of movies to others (preference-service): made it, or made it public or
 * visible to friends, or changed one that others may see. The newest LISTED of a list is its
 * activity; a {@link ListWithdrawn} takes it back.
 *
 * @param listId the list's id
 * @param name the list's name as it is now
 * @param visibility who may see it: {@code PUBLIC} or {@code FRIENDS}
 * @param movies how many movies it holds
 */
@JsonTypeName("LISTED")
public record Listed(
        @Positive(message = "must be a positive whole number")
        long userId,

        @Positive(message = "must be a positive whole number")
        long listId,

        @NotBlank(message = "must not be blank") @Text(max = EventJson.MAX_NAME)
        String name,

        @NotNull(message = "is required")
        @Size(max = 10, message = "must be PUBLIC or FRIENDS")
        @Pattern(regexp = "PUBLIC|FRIENDS", message = "must be PUBLIC or FRIENDS")
        String visibility,

        @PositiveOrZero(message = "must not be negative") int movies)
        implements CinematesEvent {

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.listed(this);
    }
}
