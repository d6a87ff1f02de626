package org.cinemates.preference.people;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.cinemates.platform.events.Visibility;
import org.cinemates.platform.http.DependencyUnavailable;
import org.cinemates.platform.http.ServiceClients;
import org.cinemates.preference.PreferenceSettings;
import org.cinemates.preference.remote.Dependency;
import org.cinemates.preference.remote.RemoteCalls;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;

/**
 * Friends and profiles from user-service. Not cached: who is whose friend must show as soon as it
 * changes, and user-service answers both from an index.
 */
@Component
public class People {

    private static final Logger log = LoggerFactory.getLogger(People.class);

    /** user-service answers at most 500 ids per call. */
    static final int MAX_IDS_PER_CALL = 500;

    private final UserServiceApi users;
    private final RemoteCalls remote;

    People(ServiceClients clients, RemoteCalls remote, PreferenceSettings settings) {
        this.users =
                clients.create(UserServiceApi.class, remote.endpoint(Dependency.USER_SERVICE, settings.usersUrl()));
        this.remote = remote;
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
        List<Long> distinct = new ArrayList<>(new LinkedHashSet<>(ids));
        Map<Long, Profile> profiles = new HashMap<>();
        for (int from = 0; from < distinct.size(); from += MAX_IDS_PER_CALL) {
            String query = distinct.subList(from, Math.min(distinct.size(), from + MAX_IDS_PER_CALL)).stream()
                    .map(String::valueOf)
                    .collect(Collectors.joining(","));
            for (Profile profile : call(() -> users.profiles(query)).items()) {
                profiles.put(profile.id(), profile);
            }
        }
        return profiles;
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
