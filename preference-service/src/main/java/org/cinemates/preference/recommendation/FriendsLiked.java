package org.cinemates.preference.recommendation;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cinemates.preference.rating.MemberRatings;
import org.cinemates.preference.remote.Degradation;
import org.cinemates.preference.remote.Dependency;
import org.springframework.stereotype.Component;

/**
 * The friends signal: movies a member's friends rated 4 or more, as the ratings are now, and how much
 * that lifts a movie's ranking score.
 */
@Component
class FriendsLiked {

    /** How much each friend who liked a movie (up to three) adds to its ranking score. */
    static final float FRIEND_WEIGHT = 0.15f;

    static final int MAX_FRIENDS_COUNTED = 3;

    static final float MAX_BOOST = FRIEND_WEIGHT * MAX_FRIENDS_COUNTED;

    private final FriendLists friends;
    private final MemberRatings ratings;

    FriendsLiked(FriendLists friends, MemberRatings ratings) {
        this.friends = friends;
        this.ratings = ratings;
    }

    static float boost(int friends) {
        return FRIEND_WEIGHT * Math.min(MAX_FRIENDS_COUNTED, friends);
    }

    /**
     * Movie id → how many of the member's friends rated it 4 or more; empty when user-service cannot
     * say. The member's own ratings are read into {@code mine} by the same query.
     */
    Map<Long, Integer> of(long memberId, MemberRatings.MovieScore mine, Degradation degraded) {
        Optional<List<Long>> friendIds = friends.of(memberId);
        if (friendIds.isEmpty()) {
            degraded.add(Dependency.USER_SERVICE);
            ratings.forEachOf(memberId, mine);
            return Map.of();
        }
        return ratings.ofAndLikedBy(memberId, mine, friendIds.get());
    }
}
