package org.cinemates.activity.notification;

import org.cinemates.activity.log.MemberRemoved;
import org.cinemates.activity.log.Notice;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Turns what the log hears from other services into notifications, in the transaction that
 * records the event; and forgets a deleted member's.
 */
@Component
class EventNotices {

    private final Notifications notifications;

    EventNotices(Notifications notifications) {
        this.notifications = notifications;
    }

    @EventListener
    void notify(Notice notice) {
        Notifications.Type type = switch (notice.kind()) {
            case FRIEND_REQUEST -> Notifications.Type.FRIEND_REQUEST;
            case FRIEND_ACCEPTED -> Notifications.Type.FRIEND_ACCEPTED;
            case RECOMMENDED -> Notifications.Type.RECOMMENDED;
        };
        notifications.add(
                notice.recipientId(),
                type,
                notice.actorId(),
                null,
                notice.movieId(),
                notice.text(),
                "event:" + notice.eventId(),
                notice.occurredAt());
    }

    @EventListener
    void forget(MemberRemoved removed) {
        notifications.removeAllOf(removed.memberId());
    }
}
