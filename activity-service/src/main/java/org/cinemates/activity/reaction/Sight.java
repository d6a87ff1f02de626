package org.cinemates.activity.reaction;

import org.cinemates.activity.log.Activities;
import org.cinemates.activity.log.Activity;
import org.cinemates.activity.people.FriendIds;
import org.cinemates.activity.people.Visibilities;
import org.cinemates.platform.events.Visibility;
import org.springframework.stereotype.Component;

/** Whether a member may see an activity, as the feed and a member's page would show it. */
@Component
class Sight {

    private final Activities activities;
    private final FriendIds friendIds;
    private final Visibilities visibilities;

    Sight(Activities activities, FriendIds friendIds, Visibilities visibilities) {
        this.activities = activities;
        this.friendIds = friendIds;
        this.visibilities = visibilities;
    }

    /**
     * The activity, if the member may see it.
     *
     * @throws ActivityNotFound when there is none, or none the member may see
     */
    Activity require(long member, long activityId) {
        Activity activity = activities.find(activityId).orElseThrow(() -> new ActivityNotFound(activityId));
        long actor = activity.actorId();
        if (actor == member) {
            return activity;
        }
        Visibility visibility = visibilities.of(actor);
        boolean friendsOnly = visibility == Visibility.FRIENDS || activity.friendsOnly();
        boolean shown = visibility != Visibility.PRIVATE
                && (!friendsOnly || friendIds.of(member).contains(actor));
        if (!shown) {
            throw new ActivityNotFound(activityId);
        }
        return activity;
    }
}
