package org.cinemates.platform.events;

import com.fasterxml.jackson.annotation.JsonTypeName;

/**
 * What one service tells the others that a member did: one record per event type, each with its
 * type id ({@link JsonTypeName}) and the rules its fields keep (Bean Validation). Producers
 * append these records to their outbox; consumers read them back with {@link EventJson#read} and
 * decide per type with a {@link Visitor}. See the package description for the wire format.
 */
public sealed interface CinematesEvent
        permits Joined,
                ProfileUpdated,
                Befriended,
                Unfriended,
                AccountDeleted,
                Rated,
                Reviewed,
                RatingDeleted,
                Watchlisted,
                WatchlistRemoved,
                Logged,
                Listed,
                ListWithdrawn,
                FriendRequested,
                Recommended {

    /** The member who did it: the event's actor. */
    long userId();

    /** Its type id on the wire and in the outbox ({@code RATED}, {@code ACCOUNT_DELETED}, ...). */
    default String type() {
        return EventTypes.nameOf(getClass());
    }

    /** Hands this event to the visitor's method for its type. */
    <R> R accept(Visitor<R> visitor);

    /**
     * One method per event type, none with a default: a consumer implements it to decide what
     * each type means to it, so a new type fails to compile until every consumer has decided.
     * (The pattern {@code switch} over a sealed type does this from Java 21 on; this is that
     * switch for Java 17.)
     *
     * @param <R> what the consumer makes of an event
     */
    interface Visitor<R> {
        R joined(Joined event);

        R profileUpdated(ProfileUpdated event);

        R befriended(Befriended event);

        R unfriended(Unfriended event);

        R accountDeleted(AccountDeleted event);

        R rated(Rated event);

        R reviewed(Reviewed event);

        R ratingDeleted(RatingDeleted event);

        R watchlisted(Watchlisted event);

        R watchlistRemoved(WatchlistRemoved event);

        R logged(Logged event);

        R listed(Listed event);

        R listWithdrawn(ListWithdrawn event);

        R friendRequested(FriendRequested event);

        R recommended(Recommended event);
    }
}
