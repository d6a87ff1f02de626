package org.cinemates.preference.sharing;

import org.cinemates.platform.web.ProblemException;
import org.springframework.http.HttpStatus;

/** Movies are recommended to friends only. */
class NotAFriend extends ProblemException {

    NotAFriend(long userId) {
        super(
                HttpStatus.FORBIDDEN,
                "not-a-friend",
                "Not a friend",
                "Movies can be recommended to friends only; member " + userId + " is not your friend");
    }
}
