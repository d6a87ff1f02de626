package org.cinemates.preference.recommendation;

import com.github.benmanes.caffeine.cache.CacheLoader;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cinemates.platform.http.DependencyUnavailable;
import org.cinemates.preference.PreferenceSettings;
import org.cinemates.preference.people.Member;
import org.cinemates.preference.people.People;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Members' friend lists for the friends signal of recommendations: friends who keep their ratings
 * PRIVATE are left out, so a reason never tells of their ratings. The first request of a member
 * asks user-service; after {@code friendsCacheTtl} the list is asked again in the background while
 * the one known keeps answering, so a recommendation never waits on user-service twice. When
 * user-service cannot say, the last known list stays until it does. Friends' ratings themselves are
 * never remembered here: they are read as they are now.
 */
@Component
class FriendLists {

    /** Lists of members who stopped asking are forgotten after this long. */
    static final Duration FORGET_AFTER = Duration.ofHours(1);

    private final People people;
    private final @Nullable LoadingCache<Long, List<Long>> lists;

    FriendLists(People people, PreferenceSettings settings) {
        this.people = people;
        Duration refresh = settings.recommender().friendsCacheTtl();
        this.lists = refresh.isZero()
                ? null
                : Caffeine.newBuilder()
                        .refreshAfterWrite(refresh)
                        .expireAfterAccess(FORGET_AFTER.compareTo(refresh) > 0 ? FORGET_AFTER : refresh.multipliedBy(2))
                        .maximumSize(100_000)
                        .build(new CacheLoader<>() {
                            @Override
                            public List<Long> load(Long memberId) {
                                return sharing(memberId);
                            }

                            @Override
                            public List<Long> reload(Long memberId, List<Long> known) {
                                try {
                                    return load(memberId);
                                } catch (DependencyUnavailable e) {
                                    return known;
                                }
                            }
                        });
    }

    /**
     * The member's friends whose ratings friends may see (not PRIVATE), or empty when user-service
     * cannot say and no list is known.
     */
    Optional<List<Long>> of(long memberId) {
        try {
            return Optional.of(lists == null ? sharing(memberId) : lists.get(memberId));
        } catch (DependencyUnavailable e) {
            return Optional.empty();
        }
    }

    /** The member's friends, less those who keep their ratings PRIVATE (one more call, in bulk). */
    private List<Long> sharing(long memberId) {
        List<Long> friends = people.friendIds(memberId);
        if (friends.isEmpty()) {
            return List.of();
        }
        Map<Long, Member> members = people.members(friends);
        return friends.stream()
                .filter(id -> {
                    Member member = members.get(id);
                    return member != null && member.showsRatingsToFriends();
                })
                .toList();
    }
}
