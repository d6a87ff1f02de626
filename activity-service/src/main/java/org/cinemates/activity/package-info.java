/**
 * activity-service: the activity log. Events from the other services come in through {@code
 * /internal/activities}; members read their friends' feed and a friend's activity.
 */
@NullMarked
package org.cinemates.activity;

import org.jspecify.annotations.NullMarked;
