package org.cinemates.user.friendship;

import org.cinemates.platform.web.ProblemException;
import org.springframework.http.HttpStatus;

class FriendRequestNotFound extends ProblemException {

    FriendRequestNotFound() {
        super(
                HttpStatus.NOT_FOUND,
                "friend-request-not-found",
                "Friend request not found",
                "There is no pending friend request of yours with this id::");
    }
}
