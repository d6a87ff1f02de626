package org.cinemates.preference.list;

import java.time.Instant;
import org.cinemates.platform.events.Visibility;
import org.jspecify.annotations.Nullable;

/**
 * A member's list of movies, without its movies.
 *
 * @param description null when there is none (never blank)
 * @param ranked whether the order is a ranking (1 is best) rather than just an order
 * @param movies how many movies it holds
 */
record MovieList(
        long id,
        long userId,
        String name,
        @Nullable String description,
        boolean ranked,
        Visibility visibility,
        int movies,
        Instant createdAt,
        Instant updatedAt) {

    /** Whether anyone but the owner may see it. */
    boolean shown() {
        return visibility != Visibility.PRIVATE;
    }
}
