/**
 * The people activities are about, as user-service knows them: whose friends a member has (cached
 * briefly, with the last known list kept for when user-service is down) and what they are called
 * (kept locally, fetched for ids not known yet). Nothing here knows about the activity log.
 */
@NullMarked
package org.cinemates.activity.people;

import org.jspecify.annotations.NullMarked;
