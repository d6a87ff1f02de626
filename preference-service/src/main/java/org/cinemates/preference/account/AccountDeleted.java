package org.cinemates.preference.account;

/**
 * A member's account is gone: everything stored for them must go too. Published inside the
 * transaction that handles the event, so listeners' deletions commit or fail together.
 */
public record AccountDeleted(long userId) {}
