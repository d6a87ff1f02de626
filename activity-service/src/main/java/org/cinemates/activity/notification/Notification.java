package org.cinemates.activity.notification;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One piece of news for a member. */
record Notification(
        long id,
        Notifications.Type type,
        long actorId,
        @Nullable Long activityId,
        @Nullable Long movieId,
        @Nullable String text,
        Instant createdAt) {}
