/** preference-service: ratings, reviews, the watchlist, recommendations and the start page. */
@NullMarked
package org.cinemates.preference;

import org.jspecify.annotations.NullMarked;
