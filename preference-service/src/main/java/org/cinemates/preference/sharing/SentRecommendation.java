package org.cinemates.preference.sharing;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A movie one member recommended to a friend. */
record SentRecommendation(
        long id,
        long fromUserId,
        long toUserId,
        long movieId,
        @Nullable String note,
        Instant sentAt) {}
