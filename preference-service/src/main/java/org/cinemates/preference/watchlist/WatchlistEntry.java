package org.cinemates.preference.watchlist;

import java.time.Instant;

record WatchlistEntry(long userId, long movieId, Instant addedAt) {}
