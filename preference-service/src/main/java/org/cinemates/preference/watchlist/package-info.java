/** The movies a member means to watch. */
@NullMarked
package org.cinemates.preference.watchlist;

import org.jspecify.annotations.NullMarked;
