package org.cinemates.activity.log;

import org.jspecify.annotations.Nullable;

/**
 * What each event type of the contract ({@link org.cinemates.platform.events.CinematesEvent}) is
 * to the log. Some become activities; some are about a thing that can be undone ({@link
 * Mark.Kind}) and carry whether they put it or remove it.
 */
enum EventType {
    JOINED(ActivityType.JOINED, null, false),
    PROFILE_UPDATED(null, null, false),
    BEFRIENDED(ActivityType.BEFRIENDED, Mark.Kind.FRIENDSHIP, false),
    UNFRIENDED(null, Mark.Kind.FRIENDSHIP, true),
    ACCOUNT_DELETED(null, null, false),
    RATED(ActivityType.RATED, Mark.Kind.RATING, false),
    REVIEWED(ActivityType.REVIEWED, Mark.Kind.RATING, false),
    RATING_DELETED(null, Mark.Kind.RATING, true),
    WATCHLISTED(ActivityType.WATCHLISTED, Mark.Kind.WATCHLIST, false),
    WATCHLIST_REMOVED(null, Mark.Kind.WATCHLIST, true),
    // Every viewing is its own activity: nothing later replaces it.
    LOGGED(ActivityType.LOGGED, null, false),
    LISTED(ActivityType.LISTED, Mark.Kind.LIST, false),
    LIST_WITHDRAWN(null, Mark.Kind.LIST, true),
    // News for one member (a notification), not activities.
    FRIEND_REQUESTED(null, null, false),
    RECOMMENDED(null, null, false);

    private final @Nullable ActivityType activity;
    private final Mark.@Nullable Kind kind;
    private final boolean removes;

    EventType(@Nullable ActivityType activity, Mark.@Nullable Kind kind, boolean removes) {
        this.activity = activity;
        this.kind = kind;
        this.removes = removes;
    }

    /** The activity an event of this type becomes, if any. */
    @Nullable
    ActivityType activity() {
        return activity;
    }

    /** What an event of this type puts or removes, if it is about such a thing. */
    Mark.@Nullable Kind kind() {
        return kind;
    }

    boolean removes() {
        return removes;
    }
}
