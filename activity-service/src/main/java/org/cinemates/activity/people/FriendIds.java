package org.cinemates.activity.people;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Arrays;
import org.cinemates.activity.ActivitySettings;
import org.cinemates.platform.http.DependencyUnavailable;
import org.cinemates.platform.shared.SharedState;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Whose friends a member has. user-service owns friendships; its answer is used for {@code
 * friend-ids-ttl} (friendship events received here evict it at once), and the last answer per
 * member is kept, within {@code last-known-max-ids}, for when user-service does not answer. With
 * shared state (Redis) the last answers are kept there too, so an instance that never asked for a
 * member can still answer for them while user-service is away.
 */
@Service
public class FriendIds {

    private static final long[] NONE = new long[0];
    private static final Duration SHARED_FOR = Duration.ofDays(7);

    private final UserDirectory directory;
    private final Cache<Long, long[]> fresh;
    private final Cache<Long, long[]> lastKnown;
    private final SharedState shared;

    FriendIds(UserDirectory directory, ActivitySettings settings, SharedState shared) {
        this.directory = directory;
        this.shared = shared;
        ActivitySettings.Users users = settings.users();
        this.fresh = Caffeine.newBuilder()
                .expireAfterWrite(users.friendIdsTtl())
                .maximumWeight(users.friendIdsMaxIds())
                .weigher((Long member, long[] ids) -> 1 + ids.length)
                .build();
        this.lastKnown = Caffeine.newBuilder()
                .maximumWeight(users.lastKnownMaxIds())
                .weigher((Long member, long[] ids) -> 1 + ids.length)
                .build();
    }

    /**
     * The member's friends, from user-service or, while it does not answer, as it last answered.
     *
     * @throws DependencyUnavailable when user-service does not answer and never did for this member
     */
    public Friends of(long member) {
        try {
            long[] ids = fresh.get(member, key -> {
                long[] loaded = directory.friendIds(key);
                remember(key, loaded);
                return loaded;
            });
            return new Friends(ids, false);
        } catch (DependencyUnavailable e) {
            long[] known = lastKnown.getIfPresent(member);
            if (known == null) {
                known = shared.get(sharedKey(member)).map(FriendIds::parse).orElse(null);
            }
            if (known == null) {
                throw e;
            }
            return new Friends(known, true);
        }
    }

    private void remember(long member, long[] ids) {
        lastKnown.put(member, ids);
        shared.put(sharedKey(member), format(ids), SHARED_FOR);
    }

    /** Keeps the shared copy in step with this instance's, after an event changed it. */
    private void share(long member) {
        long[] ids = lastKnown.getIfPresent(member);
        if (ids != null) {
            shared.put(sharedKey(member), format(ids), SHARED_FOR);
        }
    }

    private static String sharedKey(long member) {
        return "activities:friends:" + member;
    }

    private static String format(long[] ids) {
        StringBuilder text = new StringBuilder(ids.length * 8);
        for (long id : ids) {
            if (!text.isEmpty()) {
                text.append(',');
            }
            text.append(id);
        }
        return text.toString();
    }

    private static long @Nullable [] parse(String text) {
        try {
            return text.isEmpty()
                    ? NONE
                    : Arrays.stream(text.split(","))
                            .mapToLong(Long::parseLong)
                            .sorted()
                            .toArray();
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Two members became friends: ask user-service again, and keep the last known lists in step. */
    public void befriended(long a, long b) {
        forget(a, b);
        lastKnown.asMap().computeIfPresent(a, (member, ids) -> with(ids, b));
        lastKnown.asMap().computeIfPresent(b, (member, ids) -> with(ids, a));
        share(a);
        share(b);
    }

    /** Two members are no longer friends. */
    public void unfriended(long a, long b) {
        forget(a, b);
        lastKnown.asMap().computeIfPresent(a, (member, ids) -> without(ids, b));
        lastKnown.asMap().computeIfPresent(b, (member, ids) -> without(ids, a));
        share(a);
        share(b);
    }

    /** Something happened between two members (an event older than what is known): ask again. */
    public void forget(long a, long b) {
        fresh.invalidate(a);
        fresh.invalidate(b);
    }

    /** The member is gone, and so is their place in their friends' lists. */
    public void accountDeleted(long member) {
        fresh.invalidate(member);
        long[] friends = lastKnown.asMap().remove(member);
        for (long friend : friends != null ? friends : NONE) {
            fresh.invalidate(friend);
            lastKnown.asMap().computeIfPresent(friend, (key, ids) -> without(ids, member));
            share(friend);
        }
        shared.put(sharedKey(member), "", SHARED_FOR);
    }

    private static long[] with(long[] sorted, long id) {
        int at = Arrays.binarySearch(sorted, id);
        if (at >= 0) {
            return sorted;
        }
        int insert = -at - 1;
        long[] added = new long[sorted.length + 1];
        System.arraycopy(sorted, 0, added, 0, insert);
        added[insert] = id;
        System.arraycopy(sorted, insert, added, insert + 1, sorted.length - insert);
        return added;
    }

    private static long[] without(long[] sorted, long id) {
        int at = Arrays.binarySearch(sorted, id);
        if (at < 0) {
            return sorted;
        }
        long[] removed = new long[sorted.length - 1];
        System.arraycopy(sorted, 0, removed, 0, at);
        System.arraycopy(sorted, at + 1, removed, at, sorted.length - at - 1);
        return removed;
    }
}
