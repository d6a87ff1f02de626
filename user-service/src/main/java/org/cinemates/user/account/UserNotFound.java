package org.cinemates.user.account;

import org.cinemates.platform.web.ProblemException;
import org.springframework.http.HttpStatus;

public class UserNotFound extends ProblemException {

    public UserNotFound(long id) {
        super(HttpStatus.NOT_FOUND, "user-not-found", "User not found", "There is no user " + id);
    }
}
