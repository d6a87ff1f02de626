package org.cinemates.user.friendship;

import org.cinemates.platform.web.ProblemException;
import org.springframework.http.HttpStatus;

class CannotBefriendYourself extends ProblemException {

    CannotBefriendYourself() {
        super(
                HttpStatus.BAD_REQUEST,
                "cannot-befriend-yourself",
                "Not allowed",
                "You cannot send a friend request to yourself::");
    }
}
