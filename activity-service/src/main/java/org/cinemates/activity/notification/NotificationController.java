package org.cinemates.activity.notification;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Positive;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import org.cinemates.activity.people.Actors;
import org.cinemates.activity.people.Profile;
import org.cinemates.activity.people.Profiles;
import org.cinemates.platform.security.CurrentUser;
import org.cinemates.platform.web.ValidationFailed;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** My notifications, newest first, and how far I have read them. */
@RestController
@RequestMapping("/api/activities/notifications")
class NotificationController {

    static final int MAX_LIMIT = 100;

    private final Notifications notifications;
    private final Actors actors;

    NotificationController(Notifications notifications, Actors actors) {
        this.notifications = notifications;
        this.actors = actors;
    }

    /** Someone a notification names; both names null when they could not be found out. */
    record Person(
            long id, @Nullable String username, @Nullable String displayName) {

        static Person of(Profile profile) {
            return new Person(profile.id(), profile.username(), profile.displayName());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record NotificationView(
            long id,
            String type,
            Person actor,
            @Nullable Long activityId,
            @Nullable Long movieId,
            @Nullable String text,
            Instant createdAt,
            boolean read) {}

    /**
     * @param nextCursor pass it as {@code before} for older ones; null on the last page
     * @param unreadCount how many of all my notifications are unread
     */
    record NotificationPage(
            List<NotificationView> items,
            long unreadCount,
            @Nullable String nextCursor,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> degraded) {}

    @Operation(
            summary = "My notifications, newest first",
            description = "Friend requests, accepted requests, likes and comments on my activities, movies"
                    + " recommended to me. Each says whether it is read; unreadCount counts all unread.")
    @GetMapping
    NotificationPage list(
            CurrentUser me,
            @Parameter(description = "The nextCursor of the previous page; none for the newest")
                    @RequestParam(required = false)
                    @Nullable
                    String before,
            @Parameter(description = "Notifications per page, 1 to 100")
                    @RequestParam(defaultValue = "20")
                    @Min(1)
                    @Max(MAX_LIMIT)
                    int limit) {
        List<Notification> found = notifications.page(me.id(), cursor(before), limit + 1);
        boolean more = found.size() > limit;
        List<Notification> shown = more ? found.subList(0, limit) : found;
        long readUpTo = notifications.readUpTo(me.id());
        Profiles people = actors.named(
                new LinkedHashSet<>(shown.stream().map(Notification::actorId).toList()));
        List<NotificationView> items = shown.stream()
                .map(n -> new NotificationView(
                        n.id(),
                        n.type().name(),
                        Person.of(people.of(n.actorId())),
                        n.activityId(),
                        n.movieId(),
                        n.text(),
                        n.createdAt(),
                        n.id() <= readUpTo))
                .toList();
        String next = more ? Long.toString(shown.get(shown.size() - 1).id()) : null;
        return new NotificationPage(
                items, notifications.unread(me.id()), next, people.incomplete() ? List.of("user-service") : List.of());
    }

    /** @param upTo the newest notification read; absent: every one there is now */
    record ReadRequest(@Positive @Nullable Long upTo) {}

    @Operation(
            summary = "Mark my notifications read",
            description = "Every one up to upTo (a notification id), or all there are now; never un-reads any.")
    @PostMapping("/read")
    ResponseEntity<Void> read(
            CurrentUser me, @RequestBody(required = false) @jakarta.validation.Valid @Nullable ReadRequest request) {
        Long upTo = request != null ? request.upTo() : null;
        notifications.markRead(me.id(), upTo != null ? upTo : notifications.newest(me.id()));
        return ResponseEntity.noContent().build();
    }

    private static @Nullable Long cursor(@Nullable String before) {
        if (before == null || before.isEmpty()) {
            return null;
        }
        // At most 19 digits: anything longer is no id, and is never parsed.
        if (before.length() > 19 || !before.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new ValidationFailed("before", "must be the nextCursor of an earlier page");
        }
        try {
            return Long.parseLong(before);
        } catch (NumberFormatException e) {
            throw new ValidationFailed("before", "must be the nextCursor of an earlier page");
        }
    }
}
