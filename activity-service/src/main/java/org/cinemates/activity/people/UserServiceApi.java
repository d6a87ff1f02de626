package org.cinemates.activity.people;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;

/** user-service's internal endpoints this service calls (InternalAccountsController, FriendIdsController). */
interface UserServiceApi {

    record FriendIds(long userId, @Nullable List<Long> friendIds) {}

    @GetExchange("/internal/users/{id}/friend-ids")
    FriendIds friendIds(@PathVariable long id);

    record PublicProfile(
            long id, @Nullable String username, @Nullable String displayName) {}

    record Profiles(@Nullable List<PublicProfile> items) {}

    /** @param visibility PUBLIC, FRIENDS or PRIVATE (a value this service does not know hides) */
    record MemberVisibility(long userId, @Nullable String visibility) {}

    record Visibilities(@Nullable List<MemberVisibility> items) {}

    /** @param ids at most 500, separated by commas; unknown ids are left out of the answer */
    @GetExchange("/internal/users/visibilities")
    Visibilities visibilities(@RequestParam String ids);

    /** @param ids at most 500, separated by commas; unknown ids are left out of the answer */
    @GetExchange("/internal/users")
    Profiles profiles(@RequestParam String ids);
}
