package org.cinemates.activity.people;

import java.util.Map;

/**
 * Profiles by id.
 *
 * @param incomplete whether user-service should have been asked for some and could not be
 */
public record Profiles(Map<Long, Profile> byId, boolean incomplete) {

    public Profile of(long id) {
        Profile profile = byId.get(id);
        return profile != null ? profile : Profile.unknown(id);
    }
}
