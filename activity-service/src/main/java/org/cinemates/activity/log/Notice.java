package org.cinemates.activity.log;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An event that is news for one member besides its actor: a friend request to them, their request
 * accepted, a movie recommended to them. Published once per event (a redelivered event is not
 * new), inside the transaction that records it, so whoever turns it into a notification commits
 * or fails with the log.
 *
 * @param kind what happened
 * @param eventId the event it came in, unique
 * @param recipientId whom it is news for
 * @param movieId the movie it is about, if any
 * @param text the actor's words, if any
 */
public record Notice(
        Kind kind,
        UUID eventId,
        long actorId,
        long recipientId,
        @Nullable Long movieId,
        @Nullable String text,
        Instant occurredAt) {

    public enum Kind {
        FRIEND_REQUEST,
        FRIEND_ACCEPTED,
        RECOMMENDED
    }
}
