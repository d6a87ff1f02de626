package org.cinemates.preference.account;

/**
 * A member's account is gone: everything stored for them must go too. Published, when
 * user-service's {@link org.cinemates.platform.events.AccountDeleted} arrives, inside the
 * transaction that handles it, so listeners' deletions commit or fail together.
 */
public record AccountDeleted(long userId) implements AccountChange {}
