package org.cinemates.user.friendship;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A friend request. {@code pendingPair} is set only while it is pending, which lets the database
 * allow a single pending request between two members, whoever sent it.
 */
@Table("friend_requests")
record FriendRequest(
        @Id @Nullable Long id,
        long fromUser,
        long toUser,
        Status status,
        @Nullable String pendingPair,
        Instant createdAt,
        @Nullable Instant respondedAt) {

    enum Status {
        PENDING,
        ACCEPTED,
        DECLINED,
        CANCELLED
    }

    static FriendRequest pending(long from, long to, Instant now) {
        return new FriendRequest(null, from, to, Status.PENDING, pairOf(from, to), now, null);
    }

    static String pairOf(long a, long b) {
        return Math.min(a, b) + ":" + Math.max(a, b);
    }

    long requireId() {
        if (id == null) {
            throw new IllegalStateException("Friend request is not saved yet");
        }
        return id;
    }

    FriendRequest resolved(Status outcome, Instant at) {
        return new FriendRequest(id, fromUser, toUser, outcome, null, createdAt, at);
    }
}
