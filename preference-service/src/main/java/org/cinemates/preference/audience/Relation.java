package org.cinemates.preference.audience;

import org.cinemates.platform.events.Visibility;

/** What the one who asks is to the member whose data it is. */
public enum Relation {
    OWNER,
    FRIEND,
    /** A member who is not a friend. */
    STRANGER,
    /** A visitor without an account. */
    ANONYMOUS;

    /** Whether something with this visibility may be shown to them. */
    public boolean maySee(Visibility visibility) {
        return switch (visibility) {
            case PUBLIC -> true;
            case FRIENDS -> this == OWNER || this == FRIEND;
            case PRIVATE -> this == OWNER;
        };
    }
}
