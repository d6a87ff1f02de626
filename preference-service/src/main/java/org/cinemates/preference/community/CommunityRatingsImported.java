package org.cinemates.preference.community;

/**
 * Published once the community ratings are in place at start-up (imported now, or unchanged since an
 * earlier import).
 *
 * @param rows community ratings stored
 * @param changed whether this import changed them
 */
public record CommunityRatingsImported(long rows, boolean changed) {}
