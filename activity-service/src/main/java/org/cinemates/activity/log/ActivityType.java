package org.cinemates.activity.log;

/** What an activity is about. */
public enum ActivityType {
    JOINED,
    BEFRIENDED,
    RATED,
    REVIEWED,
    WATCHLISTED,
    LOGGED,
    LISTED
}
