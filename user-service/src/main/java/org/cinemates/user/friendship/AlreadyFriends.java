package org.cinemates.user.friendship;

import org.cinemates.platform.web.ProblemException;
import org.springframework.http.HttpStatus;

class AlreadyFriends extends ProblemException {

    AlreadyFriends() {
        super(HttpStatus.CONFLICT, "already-friends", "Already friends", "You are friends already::");
    }
}
