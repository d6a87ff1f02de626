package org.cinemates.preference.people;

import org.cinemates.platform.events.Visibility;

/**
 * A member as shown to others, and who may see their ratings, reviews, diary, lists and activity.
 */
public record Member(Profile profile, Visibility visibility) {

    /** Whether their friends may see their ratings: everyone but a PRIVATE member's. */
    public boolean showsRatingsToFriends() {
        return visibility != Visibility.PRIVATE;
    }
}
