package org.cinemates.activity.reaction;

import java.time.Instant;

/** A member's words under an activity. */
record Comment(long id, long activityId, long authorId, String text, Instant createdAt) {}
