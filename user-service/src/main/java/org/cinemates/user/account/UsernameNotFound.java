package org.cinemates.user.account;

import org.cinemates.platform.web.ProblemException;
import org.springframework.http.HttpStatus;

public class UsernameNotFound extends ProblemException {

    UsernameNotFound(String username) {
        super(HttpStatus.NOT_FOUND, "user-not-found", "User not found", "There is no user named '" + username + "'");
    }
}
