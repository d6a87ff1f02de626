package org.cinemates.preference.people;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.cinemates.platform.events.Visibility;
import org.cinemates.platform.http.DependencyUnavailable;
import org.cinemates.platform.http.ServiceClients;
import org.cinemates.preference.PreferenceSettings;
import org.cinemates.preference.account.AccountDeleted;
import org.cinemates.preference.account.ProfileChanged;
import org.cinemates.preference.remote.Dependency;
import org.cinemates.preference.remote.RemoteCalls;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;

/**
 * Friends and profiles from user-service. Not cached, except for naming friends on a page asked
 * for on every visit, a movie's summary: friend lists for two seconds ({@link #recentFriendIds})
 * and members' profiles with their visibility until user-service tells of a change ({@link
 * #recentMembers}). Access to a member's pages is always decided on a fresh answer, and
 * user-service answers both from an index.
 */
@Component
public class People {

    private static final Logger log = LoggerFactory.getLogger(People.class);

    /** user-service answers at most 500 ids per call. */
    static final int MAX_IDS_PER_CALL = 500;

    private final UserServiceApi users;
    private final RemoteCalls remote;
    private final @Nullable Cache<Long, List<Long>> recentFriendIds;
    private final @Nullable Cache<Long, Member> recentMembers;
    /** Counts the changes user-service told of, so an answer older than one is not remembered. */
    private final AtomicLong changesToldOf = new AtomicLong();

    People(ServiceClients clients, RemoteCalls remote, PreferenceSettings settings) {
        this.users =
                clients.create(UserServiceApi.class, remote.endpoint(Dependency.USER_SERVICE, settings.usersUrl()));
        this.remote = remote;
        this.recentFriendIds = remembered(settings.people().friendIdsTtl());
        this.recentMembers = remembered(settings.people().membersTtl());
    }

    /** Answers kept for {@code ttl} per member; none kept (null) when it is 0. */
    private static <V> @Nullable Cache<Long, V> remembered(Duration ttl) {
        return ttl.isZero()
                ? null
                : Caffeine.newBuilder()
                        .expireAfterWrite(ttl)
                        .maximumSize(100_000)
                        .build();
    }

    /**
     * The ids of the member's friends as user-service gave them at most {@code
     * people.friend-ids-ttl} ago (2 s): for naming friends on a page asked for on every visit, a
     * movie's summary, without asking user-service each time. Never for deciding who may see what:
     * that is {@link #friendIds}.
     *
     * @throws DependencyUnavailable when user-service cannot say and gave no list lately
     */
    public List<Long> recentFriendIds(long memberId) {
        return recentFriendIds == null
                ? friendIds(memberId)
                : recentFriendIds.get(memberId, member -> List.copyOf(friendIds(member)));
    }

    /**
     * The ids of the member's friends.
     *
     * @throws DependencyUnavailable when user-service cannot say
     */
    public List<Long> friendIds(long memberId) {
        return call(() -> users.friendIds(memberId)).friendIds();
    }

    /**
     * The profiles of these members; members user-service does not know (any more) are left out.
     *
     * @throws DependencyUnavailable when user-service cannot say
     */
    public Map<Long, Profile> profiles(Collection<Long> ids) {
        Map<Long, Profile> profiles = new HashMap<>();
        members(ids).forEach((id, member) -> profiles.put(id, member.profile()));
        return profiles;
    }

    /**
     * These members with who may see their data, in the same calls as {@link #profiles}; members
     * user-service does not know (any more) are left out. A visibility user-service does not give
     * reads as the default, {@link Visibility#FRIENDS}, one this service does not know as {@link
     * Visibility#PRIVATE}, as in {@link #visibilityOf}.
     *
     * @throws DependencyUnavailable when user-service cannot say
     */
    public Map<Long, Member> members(Collection<Long> ids) {
        List<Long> distinct = new ArrayList<>(new LinkedHashSet<>(ids));
        Map<Long, Member> members = new HashMap<>();
        for (int from = 0; from < distinct.size(); from += MAX_IDS_PER_CALL) {
            String query = distinct.subList(from, Math.min(distinct.size(), from + MAX_IDS_PER_CALL)).stream()
                    .map(String::valueOf)
                    .collect(Collectors.joining(","));
            for (UserServiceApi.InternalProfile found :
                    call(() -> users.profiles(query)).items()) {
                members.put(
                        found.id(),
                        new Member(
                                new Profile(found.id(), found.username(), found.displayName()),
                                Visibility.parse(found.visibility())));
            }
        }
        return members;
    }

    /**
     * These members as {@link #members} gives them, remembered for {@code people.members-ttl} (30
     * s) or until user-service tells of a change of theirs ({@link ProfileChanged}, {@link
     * AccountDeleted}): for naming friends on a page asked for on every visit, a movie's summary,
     * without asking user-service each time. Never for deciding who may see a member's pages: that
     * is {@link #visibilityOf}. With several instances, the one the change reaches forgets at once
     * and the others within the time to live.
     *
     * @throws DependencyUnavailable when user-service cannot say and some are not remembered
     */
    public Map<Long, Member> recentMembers(Collection<Long> ids) {
        if (recentMembers == null) {
            return members(ids);
        }
        Map<Long, Member> found = new HashMap<>(recentMembers.getAllPresent(ids));
        List<Long> missing =
                ids.stream().filter(id -> !found.containsKey(id)).distinct().toList();
        if (missing.isEmpty()) {
            return found;
        }
        long changesBefore = changesToldOf.get();
        Map<Long, Member> answered = members(missing);
        found.putAll(answered);
        recentMembers.putAll(answered);
        // A change told of meanwhile may be newer than the answer: forget it again. (Kept first and
        // checked after, so a change told of after the check evicts what was kept.)
        if (changesToldOf.get() != changesBefore) {
            recentMembers.invalidateAll(answered.keySet());
        }
        return found;
    }

    @EventListener
    void on(ProfileChanged changed) {
        forget(changed.userId());
    }

    @EventListener
    void on(AccountDeleted deleted) {
        forget(deleted.userId());
    }

    private void forget(long memberId) {
        changesToldOf.incrementAndGet();
        if (recentMembers != null) {
            recentMembers.invalidate(memberId);
        }
    }

    /**
     * Who may see the member's ratings, reviews, diary, lists and activity, as they chose it in
     * user-service; empty for a member user-service does not know (any more). A user-service that
     * does not say reads as the default, {@link Visibility#FRIENDS}; a value this service does not
     * know reads as {@link Visibility#PRIVATE}, so nothing is shown by mistake.
     *
     * @throws DependencyUnavailable when user-service cannot say
     */
    public Optional<Visibility> visibilityOf(long memberId) {
        return call(() -> users.visibilities(String.valueOf(memberId))).items().stream()
                .filter(member -> member.userId() == memberId)
                .findFirst()
                .map(member -> Visibility.parse(member.visibility()));
    }

    private <T> T call(java.util.function.Supplier<T> call) {
        try {
            return remote.call(Dependency.USER_SERVICE, call);
        } catch (HttpClientErrorException e) {
            log.warn("user-service refused an internal call: {}", e.getStatusCode());
            throw new DependencyUnavailable(Dependency.USER_SERVICE.serviceName());
        }
    }
}
