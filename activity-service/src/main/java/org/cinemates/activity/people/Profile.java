package org.cinemates.activity.people;

import org.jspecify.annotations.Nullable;

/**
 * What a member is called. Both names are null when neither this service nor user-service could
 * tell (user-service down, or the account is gone).
 */
public record Profile(
        long id, @Nullable String username, @Nullable String displayName) {

    static Profile unknown(long id) {
        return new Profile(id, null, null);
    }
}
