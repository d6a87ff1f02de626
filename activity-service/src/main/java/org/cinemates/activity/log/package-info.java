/**
 * The activity log: events from the other services come in ({@code POST /internal/activities}),
 * are checked, de-duplicated and applied in any order they arrive, and become the activities
 * feeds are read from.
 */
@NullMarked
package org.cinemates.activity.log;

import org.jspecify.annotations.NullMarked;
