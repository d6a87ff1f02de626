package org.cinemates.activity.feed;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One page of activities, newest first.
 *
 * @param nextCursor pass it as {@code before} for the next page; null on the last page
 * @param degraded the services this answer had to do without (left out when none)
 */
record ActivityPage(
        List<ActivityView> items,
        @Nullable String nextCursor,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> degraded) {}
