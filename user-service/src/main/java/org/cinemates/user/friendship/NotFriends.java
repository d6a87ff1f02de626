package org.cinemates.user.friendship;

import org.cinemates.platform.web.ProblemException;
import org.springframework.http.HttpStatus;

class NotFriends extends ProblemException {

    NotFriends() {
        super(HttpStatus.NOT_FOUND, "not-friends", "Not friends", "You are not friends with this user::");
    }
}
