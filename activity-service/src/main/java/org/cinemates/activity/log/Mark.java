package org.cinemates.activity.log;

import java.time.Instant;

/**
 * The newest change to one undoable thing: a rating of (actor, movie), a watchlist entry of
 * (actor, movie), a friendship of (lower id, higher id), a shown list of (actor, list). A removal is a tombstone.
 */
record Mark(long actorId, long subjectId, Kind kind, Instant occurredAt, boolean removed) {

    enum Kind {
        RATING,
        WATCHLIST,
        FRIENDSHIP,
        LIST
    }

    record Key(long actorId, long subjectId, Kind kind) {}

    Key key() {
        return new Key(actorId, subjectId, kind);
    }

    /**
     * Whether this change wins over {@code other}: it is newer, or as new and a removal (an undo
     * at the same moment is taken to come after what it undoes).
     */
    boolean supersedes(Mark other) {
        int byTime = occurredAt.compareTo(other.occurredAt);
        return byTime > 0 || (byTime == 0 && removed && !other.removed);
    }
}
