package org.cinemates.activity.people;

import java.util.Arrays;
import java.util.List;

/**
 * A member's friends.
 *
 * @see FriendIds#of(long)
 */
public final class Friends {

    private final long[] ids;
    private final boolean lastKnown;

    Friends(long[] sortedIds, boolean lastKnown) {
        this.ids = sortedIds;
        this.lastKnown = lastKnown;
    }

    public List<Long> ids() {
        return Arrays.stream(ids).boxed().toList();
    }

    public boolean isEmpty() {
        return ids.length == 0;
    }

    public boolean contains(long id) {
        return Arrays.binarySearch(ids, id) >= 0;
    }

    /** Whether user-service could not be asked, so this is the last list it gave. */
    public boolean lastKnown() {
        return lastKnown;
    }
}
