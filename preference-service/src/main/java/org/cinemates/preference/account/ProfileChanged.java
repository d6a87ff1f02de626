package org.cinemates.preference.account;

/**
 * A member chose a new name or a new visibility in user-service: whatever is remembered of them
 * must be asked again. Published when user-service's {@link
 * org.cinemates.platform.events.ProfileUpdated} arrives.
 */
public record ProfileChanged(long userId) implements AccountChange {}
