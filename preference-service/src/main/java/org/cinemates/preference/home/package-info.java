/**
 * The start page in one call: recommendations and friends' activity, fetched side by side, each
 * left out (and named in {@code degraded}) when its service cannot deliver in time.
 */
@NullMarked
package org.cinemates.preference.home;

import org.jspecify.annotations.NullMarked;
