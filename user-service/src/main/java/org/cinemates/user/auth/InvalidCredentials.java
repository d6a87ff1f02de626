package org.cinemates.user.auth;

import org.cinemates.platform.web.ProblemException;
import org.springframework.http.HttpStatus;

/** The same answer whether the login is unknown or the password wrong. */
class InvalidCredentials extends ProblemException {

    InvalidCredentials() {
        super(
                HttpStatus.UNAUTHORIZED,
                "invalid-credentials",
                "Invalid credentials",
                "The login or the password is not correct");
    }
}
