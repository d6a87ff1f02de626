package org.cinemates.preference.list;

import org.jspecify.annotations.Nullable;

/**
 * A movie on a list.
 *
 * @param position from 1, in the list's order
 * @param note the member's words on it, null when none (never blank)
 */
record ListItem(int position, long movieId, @Nullable String note) {}
