package org.cinemates.activity.log;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;
import org.cinemates.activity.people.NameChange;
import org.cinemates.platform.events.AccountDeleted;
import org.cinemates.platform.events.Befriended;
import org.cinemates.platform.events.CinematesEvent;
import org.cinemates.platform.events.DeliveredEvent;
import org.cinemates.platform.events.FriendRequested;
import org.cinemates.platform.events.Joined;
import org.cinemates.platform.events.ListWithdrawn;
import org.cinemates.platform.events.Listed;
import org.cinemates.platform.events.Logged;
import org.cinemates.platform.events.ProfileUpdated;
import org.cinemates.platform.events.Rated;
import org.cinemates.platform.events.RatingDeleted;
import org.cinemates.platform.events.Recommended;
import org.cinemates.platform.events.Reviewed;
import org.cinemates.platform.events.Unfriended;
import org.cinemates.platform.events.WatchlistRemoved;
import org.cinemates.platform.events.Watchlisted;
import org.jspecify.annotations.Nullable;

/**
 * An event of the contract as the log applies it: its type, and what of its payload the log
 * keeps, in the shape of an activity row (a movie, a score, a review, a friend: whichever its
 * type has) or, for JOINED and PROFILE_UPDATED, the member's names. Made from a checked {@link
 * DeliveredEvent} by {@link #of}; times are kept to the microsecond, as the database stores them.
 */
record Event(
        UUID eventId,
        EventType type,
        long actorId,
        Instant occurredAt,
        @Nullable Long movieId,
        @Nullable BigDecimal score,
        @Nullable String review,
        @Nullable Long friendId,
        @Nullable NameChange names,
        @Nullable ListRef list) {

    /**
     * A list shown to others: its id, its name as the event has it, and whether only the
     * member's friends may see it (a FRIENDS list), whoever may see the member's other activity.
     */
    record ListRef(long id, String name, boolean friendsOnly) {}

    static Event of(DeliveredEvent delivered) {
        return delivered.payload().accept(new FromContract(delivered));
    }

    /** The rating, watchlist entry or friendship this event puts or removes, if any. */
    @Nullable
    Mark mark() {
        Mark.Kind kind = type.kind();
        if (kind == null) {
            return null;
        }
        if (kind == Mark.Kind.LIST) {
            return new Mark(actorId, Objects.requireNonNull(list).id(), kind, occurredAt, type.removes());
        }
        if (kind == Mark.Kind.FRIENDSHIP) {
            long friend = Objects.requireNonNull(friendId);
            return new Mark(Math.min(actorId, friend), Math.max(actorId, friend), kind, occurredAt, type.removes());
        }
        return new Mark(actorId, Objects.requireNonNull(movieId), kind, occurredAt, type.removes());
    }

    /**
     * What each type of the contract is to the log. A new type does not compile until it is
     * given a meaning here (and an {@link EventType}).
     */
    private static final class FromContract implements CinematesEvent.Visitor<Event> {

        private final UUID eventId;
        private final long actorId;
        private final Instant occurredAt;

        FromContract(DeliveredEvent delivered) {
            this.eventId = delivered.eventId();
            this.actorId = delivered.actorId();
            this.occurredAt = delivered.occurredAt().truncatedTo(ChronoUnit.MICROS);
        }

        @Override
        public Event joined(Joined event) {
            return naming(EventType.JOINED, event.username(), event.displayName());
        }

        @Override
        public Event profileUpdated(ProfileUpdated event) {
            return naming(EventType.PROFILE_UPDATED, event.username(), event.displayName());
        }

        @Override
        public Event befriended(Befriended event) {
            return friendship(EventType.BEFRIENDED, event.friendId());
        }

        @Override
        public Event unfriended(Unfriended event) {
            return friendship(EventType.UNFRIENDED, event.friendId());
        }

        @Override
        public Event accountDeleted(AccountDeleted event) {
            return new Event(
                    eventId, EventType.ACCOUNT_DELETED, actorId, occurredAt, null, null, null, null, null, null);
        }

        @Override
        public Event rated(Rated event) {
            return movie(EventType.RATED, event.movieId(), event.score(), null);
        }

        @Override
        public Event reviewed(Reviewed event) {
            return movie(EventType.REVIEWED, event.movieId(), event.score(), event.review());
        }

        @Override
        public Event ratingDeleted(RatingDeleted event) {
            return movie(EventType.RATING_DELETED, event.movieId(), null, null);
        }

        @Override
        public Event watchlisted(Watchlisted event) {
            return movie(EventType.WATCHLISTED, event.movieId(), null, null);
        }

        @Override
        public Event watchlistRemoved(WatchlistRemoved event) {
            return movie(EventType.WATCHLIST_REMOVED, event.movieId(), null, null);
        }

        @Override
        public Event logged(Logged event) {
            return movie(EventType.LOGGED, event.movieId(), event.score(), event.review());
        }

        @Override
        public Event listed(Listed event) {
            return list(
                    EventType.LISTED, new ListRef(event.listId(), event.name(), !"PUBLIC".equals(event.visibility())));
        }

        @Override
        public Event listWithdrawn(ListWithdrawn event) {
            return list(EventType.LIST_WITHDRAWN, new ListRef(event.listId(), "", true));
        }

        @Override
        public Event friendRequested(FriendRequested event) {
            return friendship(EventType.FRIEND_REQUESTED, event.toUserId());
        }

        @Override
        public Event recommended(Recommended event) {
            return new Event(
                    eventId,
                    EventType.RECOMMENDED,
                    actorId,
                    occurredAt,
                    event.movieId(),
                    null,
                    event.note(),
                    event.toUserId(),
                    null,
                    null);
        }

        private Event naming(EventType type, String username, String displayName) {
            var names = new NameChange(actorId, username, displayName, occurredAt);
            return new Event(eventId, type, actorId, occurredAt, null, null, null, null, names, null);
        }

        private Event list(EventType type, ListRef list) {
            return new Event(eventId, type, actorId, occurredAt, null, null, null, null, null, list);
        }

        private Event friendship(EventType type, long friendId) {
            return new Event(eventId, type, actorId, occurredAt, null, null, null, friendId, null, null);
        }

        private Event movie(EventType type, long movieId, @Nullable BigDecimal score, @Nullable String review) {
            // Scores are stored with one decimal, as members give them.
            BigDecimal stars = score == null ? null : score.setScale(1, java.math.RoundingMode.UNNECESSARY);
            return new Event(eventId, type, actorId, occurredAt, movieId, stars, review, null, null, null);
        }
    }
}
