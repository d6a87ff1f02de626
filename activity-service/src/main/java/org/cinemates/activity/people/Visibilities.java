package org.cinemates.activity.people;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.cinemates.activity.ActivitySettings;
import org.cinemates.platform.events.Visibility;
import org.cinemates.platform.http.DependencyUnavailable;
import org.springframework.stereotype.Service;

/**
 * Who may see each member's activity, as they chose it in user-service. An answer is used for
 * {@code friend-ids-ttl}, like friend lists; user-service tells of a change with a PROFILE_UPDATED,
 * which evicts it here at once. While user-service does not answer, the last answer is used, and a
 * member never asked about counts as {@link Visibility#FRIENDS}, the default: the feed degrades as
 * it does with friend lists (strangers and visitors still see nothing that is not known public).
 */
@Service
public class Visibilities {

    private final UserDirectory directory;
    private final Cache<Long, Visibility> fresh;
    private final Cache<Long, Visibility> lastKnown;

    Visibilities(UserDirectory directory, ActivitySettings settings) {
        this.directory = directory;
        ActivitySettings.Users users = settings.users();
        this.fresh = Caffeine.newBuilder()
                .expireAfterWrite(users.friendIdsTtl())
                .maximumSize(users.friendIdsMaxIds())
                .build();
        this.lastKnown =
                Caffeine.newBuilder().maximumSize(users.lastKnownMaxIds()).build();
    }

    /**
     * What these members chose, in one call to user-service for those not known fresh here.
     *
     * @param lastKnown whether user-service did not answer and some are as it last said (or hidden)
     */
    public record Chosen(Map<Long, Visibility> byMember, boolean lastKnown) {

        /** A member user-service does not know (any more) shows nothing. */
        public Visibility of(long member) {
            return byMember.getOrDefault(member, Visibility.PRIVATE);
        }
    }

    public Chosen of(Collection<Long> members) {
        Map<Long, Visibility> found = new HashMap<>(fresh.getAllPresent(members));
        Set<Long> missing = new LinkedHashSet<>(members);
        missing.removeAll(found.keySet());
        if (missing.isEmpty()) {
            return new Chosen(found, false);
        }
        try {
            Map<Long, Visibility> answered = directory.visibilities(missing);
            for (Long member : missing) {
                Visibility visibility = answered.getOrDefault(member, Visibility.PRIVATE);
                fresh.put(member, visibility);
                lastKnown.put(member, visibility);
                found.put(member, visibility);
            }
            return new Chosen(found, false);
        } catch (DependencyUnavailable e) {
            Map<Long, Visibility> known = lastKnown.getAllPresent(missing);
            for (Long member : missing) {
                found.put(member, known.getOrDefault(member, Visibility.FRIENDS));
            }
            return new Chosen(found, true);
        }
    }

    public Visibility of(long member) {
        return of(Set.of(member)).of(member);
    }

    /** The member may have chosen anew: ask user-service next time. */
    public void changed(long member) {
        fresh.invalidate(member);
    }
}
