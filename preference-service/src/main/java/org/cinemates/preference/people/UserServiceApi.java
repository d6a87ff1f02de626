package org.cinemates.preference.people;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;

/**
 * user-service's internal endpoints this service reads, with the service credential (see
 * user-service's FriendIdsController and InternalAccountsController).
 */
interface UserServiceApi {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record FriendIds(long userId, List<Long> friendIds) {}

    /**
     * A member as user-service gives them to other services.
     *
     * @param visibility PUBLIC, FRIENDS or PRIVATE; null from a user-service that does not say
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record InternalProfile(
            long id,
            String username,
            String displayName,
            @Nullable String visibility) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Profiles(List<InternalProfile> items) {}

    /** Who may see a member's data: PUBLIC, FRIENDS or PRIVATE. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record MemberVisibility(long userId, @Nullable String visibility) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Visibilities(List<MemberVisibility> items) {}

    @GetExchange("/internal/users/{id}/friend-ids")
    FriendIds friendIds(@PathVariable long id);

    /** At most {@value People#MAX_IDS_PER_CALL} ids, comma-separated; unknown ids are left out. */
    @GetExchange("/internal/users")
    Profiles profiles(@RequestParam("ids") String ids);

    /** At most {@value People#MAX_IDS_PER_CALL} ids, comma-separated; unknown ids are left out. */
    @GetExchange("/internal/users/visibilities")
    Visibilities visibilities(@RequestParam("ids") String ids);
}
