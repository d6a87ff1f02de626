package org.cinemates.activity.log;

import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One activity of the log.
 *
 * @param movieId the movie rated, reviewed or put on the watchlist
 * @param score the rating, 0.5 to 5.0
 * @param review the review's text
 * @param friendId whom the actor became friends with
 * @param occurredAt when it happened, as the service where it happened says
 * @param listId the list shown (LISTED)
 * @param listName its name when it was last shown
 * @param friendsOnly shown only to the actor's friends, whoever may see their other activity (a
 *     list shown to friends only)
 */
public record Activity(
        long id,
        ActivityType type,
        long actorId,
        @Nullable Long movieId,
        @Nullable BigDecimal score,
        @Nullable String review,
        @Nullable Long friendId,
        Instant occurredAt,
        @Nullable Long listId,
        @Nullable String listName,
        boolean friendsOnly) {

    public Position position() {
        return new Position(occurredAt, id);
    }
}
