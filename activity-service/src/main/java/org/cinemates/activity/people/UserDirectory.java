package org.cinemates.activity.people;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.cinemates.activity.ActivitySettings;
import org.cinemates.platform.events.Visibility;
import org.cinemates.platform.http.DependencyUnavailable;
import org.cinemates.platform.http.ServiceClients;
import org.cinemates.platform.http.ServiceEndpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClientException;

/**
 * user-service, as this service asks it. After a failed call it is left alone for {@code
 * pause-after-failure}: requests meanwhile use what is known here instead of each waiting for a
 * timeout.
 */
@Component
class UserDirectory {

    static final String SERVICE = "user-service";

    /** The most ids user-service answers for in one call. */
    static final int MAX_IDS_PER_CALL = 500;

    private static final Logger log = LoggerFactory.getLogger(UserDirectory.class);

    private final UserServiceApi api;
    private final Clock clock;
    private final Duration pauseAfterFailure;
    private volatile Instant pausedUntil = Instant.MIN;

    UserDirectory(ServiceClients clients, ActivitySettings settings, Clock clock) {
        ActivitySettings.Users users = settings.users();
        this.api = clients.create(
                UserServiceApi.class,
                new ServiceEndpoint(SERVICE, users.url(), users.connectTimeout(), users.readTimeout()));
        this.clock = clock;
        this.pauseAfterFailure = users.pauseAfterFailure();
    }

    /** The member's friends; none for a member user-service does not know (any more). */
    long[] friendIds(long memberId) {
        UserServiceApi.FriendIds answer = call(() -> {
            try {
                return api.friendIds(memberId);
            } catch (HttpClientErrorException.NotFound e) {
                return new UserServiceApi.FriendIds(memberId, List.of());
            }
        });
        List<Long> ids = answer.friendIds();
        return ids == null
                ? new long[0]
                : ids.stream()
                        .mapToLong(Long::longValue)
                        .filter(id -> id != memberId)
                        .sorted()
                        .distinct()
                        .toArray();
    }

    /** The profiles user-service has for these ids; ids it does not know are left out. */
    List<UserServiceApi.PublicProfile> profiles(Collection<Long> ids) {
        List<Long> all = List.copyOf(ids);
        List<UserServiceApi.PublicProfile> found = new ArrayList<>();
        for (int from = 0; from < all.size(); from += MAX_IDS_PER_CALL) {
            String chunk = all.subList(from, Math.min(all.size(), from + MAX_IDS_PER_CALL)).stream()
                    .map(String::valueOf)
                    .collect(Collectors.joining(","));
            UserServiceApi.Profiles answer = call(() -> api.profiles(chunk));
            if (answer.items() != null) {
                found.addAll(answer.items());
            }
        }
        return found;
    }

    /** Who may see each member's activity; members user-service does not know are left out. */
    Map<Long, Visibility> visibilities(Collection<Long> ids) {
        List<Long> all = List.copyOf(ids);
        Map<Long, Visibility> found = new HashMap<>();
        for (int from = 0; from < all.size(); from += MAX_IDS_PER_CALL) {
            String chunk = all.subList(from, Math.min(all.size(), from + MAX_IDS_PER_CALL)).stream()
                    .map(String::valueOf)
                    .collect(Collectors.joining(","));
            UserServiceApi.Visibilities answer = call(() -> api.visibilities(chunk));
            for (UserServiceApi.MemberVisibility member :
                    answer.items() != null ? answer.items() : List.<UserServiceApi.MemberVisibility>of()) {
                found.put(member.userId(), Visibility.parse(member.visibility()));
            }
        }
        return found;
    }

    private interface Call<T> {
        T run();
    }

    private <T> T call(Call<T> call) {
        if (clock.instant().isBefore(pausedUntil)) {
            throw new DependencyUnavailable(SERVICE);
        }
        try {
            return call.run();
        } catch (DependencyUnavailable e) {
            pause(e);
            throw e;
        } catch (RestClientException e) {
            // A 4xx (a wrong service token, say) or an answer that cannot be read: a fault of the
            // set-up rather than of the member's request, so it degrades like an outage.
            pause(e);
            throw new DependencyUnavailable(SERVICE);
        }
    }

    private void pause(Exception cause) {
        if (clock.instant().isAfter(pausedUntil)) {
            log.warn("{} did not answer ({}); using what is known here", SERVICE, cause.getMessage());
        }
        pausedUntil = clock.instant().plus(pauseAfterFailure);
    }
}
