/**
 * Recommending a movie to a friend: only to a friend, told to them as a notification (the
 * {@code RECOMMENDED} event, through the outbox) and kept for their "from your friends" row.
 */
@NullMarked
package org.cinemates.preference.sharing;

import org.jspecify.annotations.NullMarked;
