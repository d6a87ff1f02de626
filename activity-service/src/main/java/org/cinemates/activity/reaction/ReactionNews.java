package org.cinemates.activity.reaction;

import java.time.Instant;
import org.cinemates.activity.log.Activity;
import org.cinemates.activity.notification.Notifications;
import org.springframework.stereotype.Component;

/** A like or a comment is news for the one whose activity it is (never for themselves). */
@Component
class ReactionNews {

    private final Notifications notifications;

    ReactionNews(Notifications notifications) {
        this.notifications = notifications;
    }

    void liked(Activity activity, long member, Instant at) {
        // Once per member and activity: a like taken back and given again is not news twice.
        notifications.add(
                activity.actorId(),
                Notifications.Type.LIKED,
                member,
                activity.id(),
                activity.movieId(),
                null,
                "like:" + activity.id() + ":" + member,
                at);
    }

    void commented(Activity activity, long member, long commentId, String text, Instant at) {
        notifications.add(
                activity.actorId(),
                Notifications.Type.COMMENTED,
                member,
                activity.id(),
                activity.movieId(),
                text,
                source(commentId),
                at);
    }

    void commentDeleted(long commentId) {
        notifications.removeBySource(source(commentId));
    }

    private static String source(long commentId) {
        return "comment:" + commentId;
    }
}
