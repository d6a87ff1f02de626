/**
 * Lists of movies a member makes (ranked or not, a note per movie, at most {@value
 * org.cinemates.preference.list.ListRules#MAX_ITEMS} movies), each shown to everyone, to friends
 * or to nobody else. A list others may see is news for the feed ({@code LISTED}); one they may see
 * no more is taken back ({@code LIST_WITHDRAWN}).
 */
@NullMarked
package org.cinemates.preference.list;

import org.jspecify.annotations.NullMarked;
