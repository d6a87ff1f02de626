package org.cinemates.activity.feed;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;
import org.cinemates.activity.log.Activity;
import org.cinemates.activity.people.Profile;
import org.cinemates.activity.people.Profiles;
import org.cinemates.activity.reaction.Reactions;
import org.jspecify.annotations.Nullable;

/**
 * An activity as members see it. Fields a type does not have ({@code movieId}, {@code score},
 * {@code review}, {@code friend}) are left out.
 *
 * @param createdAt when it happened
 * @param likeCount how many members liked it
 * @param commentCount how many comments it has
 * @param likedByMe whether the member reading liked it (false for a visitor)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ActivityView(
        long id,
        String type,
        Person actor,
        @Nullable Long movieId,
        @Nullable BigDecimal score,
        @Nullable String review,
        @Nullable Person friend,
        @Nullable ListRef list,
        Instant createdAt,
        int likeCount,
        int commentCount,
        boolean likedByMe) {

    /** The list a LISTED activity shows: its id and name. */
    record ListRef(long id, @Nullable String name) {}

    /** Someone an activity names; both names are null when they could not be found out. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Person(
            long id, @Nullable String username, @Nullable String displayName) {

        static Person of(Profile profile) {
            return new Person(profile.id(), profile.username(), profile.displayName());
        }
    }

    static ActivityView of(Activity activity, Profiles profiles, Reactions.Counts counts) {
        Long friendId = activity.friendId();
        Long listId = activity.listId();
        return new ActivityView(
                activity.id(),
                activity.type().name(),
                Person.of(profiles.of(activity.actorId())),
                activity.movieId(),
                activity.score(),
                activity.review(),
                friendId != null ? Person.of(profiles.of(friendId)) : null,
                listId != null ? new ListRef(listId, activity.listName()) : null,
                activity.occurredAt(),
                counts.likes(),
                counts.comments(),
                counts.likedByMe());
    }
}
