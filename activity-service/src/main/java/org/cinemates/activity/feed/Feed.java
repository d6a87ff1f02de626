package org.cinemates.activity.feed;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.cinemates.activity.log.Activities;
import org.cinemates.activity.log.Beside;
import org.cinemates.activity.log.Position;
import org.cinemates.activity.people.Actors;
import org.cinemates.activity.people.FriendIds;
import org.cinemates.activity.people.Friends;
import org.cinemates.activity.people.Profiles;
import org.cinemates.activity.people.Visibilities;
import org.cinemates.activity.reaction.Reactions;
import org.cinemates.platform.events.Visibility;
import org.cinemates.platform.security.Viewer;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/** Builds pages of activity: whose, how far back, and with everyone named. */
@Service
class Feed {

    static final String USER_SERVICE = "user-service";

    private final Activities activities;
    private final FriendIds friendIds;
    private final Actors actors;
    private final Visibilities visibilities;

    Feed(Activities activities, FriendIds friendIds, Actors actors, Visibilities visibilities) {
        this.activities = activities;
        this.friendIds = friendIds;
        this.actors = actors;
        this.visibilities = visibilities;
    }

    /** The member's friends' activities (never their own), but for friends who show it to nobody. */
    ActivityPage ofFriends(long member, @Nullable Position before, int limit) {
        Friends friends = friendIds.of(member);
        List<Long> ids = new ArrayList<>(friends.ids());
        ids.remove(Long.valueOf(member));
        Visibilities.Chosen chosen = visibilities.of(ids);
        ids.removeIf(friend -> chosen.of(friend) == Visibility.PRIVATE);
        return page(member, ids, before, limit, true, friends.lastKnown() || chosen.lastKnown());
    }

    /**
     * One member's activities, as they allow: to themselves always, to anyone when PUBLIC (a
     * visitor without an account too), to friends when FRIENDS, to nobody else when PRIVATE.
     */
    ActivityPage ofMember(Viewer viewer, long userId, @Nullable Position before, int limit) {
        if (viewer.is(userId)) {
            return page(userId, List.of(userId), before, limit, true, false);
        }
        Visibilities.Chosen chosen = visibilities.of(List.of(userId));
        Visibility visibility = chosen.of(userId);
        boolean lastKnown = chosen.lastKnown();
        if (visibility == Visibility.PRIVATE || (visibility == Visibility.FRIENDS && viewer.member() == null)) {
            throw new NotShown(userId, viewer.member() == null);
        }
        // Friends-only activities (a list shown to friends) need a friend, whatever the visibility.
        boolean friend = false;
        if (viewer.member() != null) {
            Friends friends = friendIds.of(viewer.memberId().orElseThrow());
            friend = friends.contains(userId);
            lastKnown |= friends.lastKnown();
        }
        if (visibility == Visibility.FRIENDS && !friend) {
            throw new NotAFriend(userId);
        }
        return page(viewer.memberId().orElse(null), List.of(userId), before, limit, friend, lastKnown);
    }

    private ActivityPage page(
            @Nullable Long reader,
            Collection<Long> actorIds,
            @Nullable Position before,
            int limit,
            boolean friendsOnlyShown,
            boolean friendsLastKnown) {
        // Likes and comments come with the page, in its query.
        List<Beside.Row<Reactions.Counts>> found =
                activities.page(actorIds, before, limit + 1, Reactions.countsFor(reader));
        boolean more = found.size() > limit;
        List<Beside.Row<Reactions.Counts>> read = more ? found.subList(0, limit) : found;
        // The page's cursor follows what was read, so a page may hold fewer than it read (never
        // skipping anything shown): friends-only activities are rare beside ratings.
        List<Beside.Row<Reactions.Counts>> shown = friendsOnlyShown
                ? read
                : read.stream().filter(row -> !row.activity().friendsOnly()).toList();
        Set<Long> named = new LinkedHashSet<>();
        for (Beside.Row<Reactions.Counts> row : shown) {
            named.add(row.activity().actorId());
            Long friendId = row.activity().friendId();
            if (friendId != null) {
                named.add(friendId);
            }
        }
        Profiles profiles = actors.named(named);
        List<ActivityView> items = shown.stream()
                .map(row -> ActivityView.of(row.activity(), profiles, row.beside()))
                .toList();
        String next = more ? Cursor.encode(read.get(read.size() - 1).activity().position()) : null;
        boolean degraded = friendsLastKnown || profiles.incomplete();
        return new ActivityPage(items, next, degraded ? List.of(USER_SERVICE) : List.of());
    }
}
