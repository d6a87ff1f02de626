package org.cinemates.activity.feed;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Positive;
import org.cinemates.activity.log.Position;
import org.cinemates.platform.security.CurrentUser;
import org.cinemates.platform.security.Viewer;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The feed and a member's activity, newest first, a page at a time. */
@RestController
@RequestMapping("/api/activities")
class FeedController {

    static final int MAX_LIMIT = 100;

    private final Feed feed;

    FeedController(Feed feed) {
        this.feed = feed;
    }

    @Operation(
            summary = "My friends' activities, newest first",
            description = "Pages never repeat or skip an activity, even when new ones arrive meanwhile."
                    + " While user-service is down the last known friends are used and the answer says"
                    + " degraded: [\"user-service\"]; 503 if they were never known.")
    @GetMapping("/feed")
    ActivityPage feed(
            CurrentUser me,
            @Parameter(description = "The nextCursor of the previous page; none for the newest")
                    @RequestParam(name = Cursor.PARAMETER, required = false)
                    @Nullable
                    String before,
            @Parameter(description = "Activities per page, 1 to 100")
                    @RequestParam(defaultValue = "20")
                    @Min(1)
                    @Max(MAX_LIMIT)
                    int limit) {
        return feed.ofFriends(me.id(), position(before), limit);
    }

    @Operation(
            summary = "A member's activities, newest first",
            description = "As the member's visibility allows: to anyone (without an account too) when PUBLIC,"
                    + " to their friends when FRIENDS, to nobody else when PRIVATE; my own always. 403"
                    + " otherwise.")
    @GetMapping("/users/{userId}")
    ActivityPage member(
            Viewer viewer,
            @PathVariable @Positive long userId,
            @Parameter(description = "The nextCursor of the previous page; none for the newest")
                    @RequestParam(name = Cursor.PARAMETER, required = false)
                    @Nullable
                    String before,
            @Parameter(description = "Activities per page, 1 to 100")
                    @RequestParam(defaultValue = "20")
                    @Min(1)
                    @Max(MAX_LIMIT)
                    int limit) {
        return feed.ofMember(viewer, userId, position(before), limit);
    }

    private static @Nullable Position position(@Nullable String before) {
        return before == null || before.isEmpty() ? null : Cursor.decode(before);
    }
}
