package org.cinemates.user.friendship;

import java.time.Instant;
import org.cinemates.user.account.PublicProfile;

/** A friend request as API.md shows it. */
record FriendRequestView(long id, PublicProfile fromUser, PublicProfile toUser, String status, Instant createdAt) {}
