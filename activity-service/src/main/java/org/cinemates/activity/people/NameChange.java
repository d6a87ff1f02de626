package org.cinemates.activity.people;

import java.time.Instant;

/**
 * A member's names as of a moment (a JOINED or PROFILE_UPDATED event): the newest moment wins.
 */
public record NameChange(long id, String username, String displayName, Instant at) {}
