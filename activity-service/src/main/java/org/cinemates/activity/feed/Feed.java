package org.cinemates.activity.feed;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.cinemates.activity.log.Activities;
import org.cinemates.activity.log.Activity;
import org.cinemates.activity.log.Position;
import org.cinemates.activity.people.Actors;
import org.cinemates.activity.people.FriendIds;
import org.cinemates.activity.people.Friends;
import org.cinemates.activity.people.Profiles;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/** Builds pages of activity: whose, how far back, and with everyone named. */
@Service
class Feed {

    static final String USER_SERVICE = "user-service";

    private final Activities activities;
    private final FriendIds friendIds;
    private final Actors actors;

    Feed(Activities activities, FriendIds friendIds, Actors actors) {
        this.activities = activities;
        this.friendIds = friendIds;
        this.actors = actors;
    }

    /** The member's friends' activities (never their own). */
    ActivityPage ofFriends(long member, @Nullable Position before, int limit) {
        Friends friends = friendIds.of(member);
        List<Long> ids = new ArrayList<>(friends.ids());
        ids.remove(Long.valueOf(member));
        return page(ids, before, limit, friends.lastKnown());
    }

    /** One member's activities, for themselves or a friend. */
    ActivityPage ofMember(long member, long userId, @Nullable Position before, int limit) {
        boolean lastKnown = false;
        if (userId != member) {
            Friends friends = friendIds.of(member);
            if (!friends.contains(userId)) {
                throw new NotAFriend(userId);
            }
            lastKnown = friends.lastKnown();
        }
        return page(List.of(userId), before, limit, lastKnown);
    }

    private ActivityPage page(
            Collection<Long> actorIds, @Nullable Position before, int limit, boolean friendsLastKnown) {
        List<Activity> found = activities.page(actorIds, before, limit + 1);
        boolean more = found.size() > limit;
        List<Activity> shown = more ? found.subList(0, limit) : found;
        Set<Long> named = new LinkedHashSet<>();
        for (Activity activity : shown) {
            named.add(activity.actorId());
            if (activity.friendId() != null) {
                named.add(activity.friendId());
            }
        }
        Profiles profiles = actors.named(named);
        List<ActivityView> items = shown.stream()
                .map(activity -> ActivityView.of(activity, profiles))
                .toList();
        String next = more ? Cursor.encode(shown.get(shown.size() - 1).position()) : null;
        boolean degraded = friendsLastKnown || profiles.incomplete();
        return new ActivityPage(items, next, degraded ? List.of(USER_SERVICE) : List.of());
    }
}
