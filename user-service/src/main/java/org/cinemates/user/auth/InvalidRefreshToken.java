package org.cinemates.user.auth;

import org.cinemates.platform.web.ProblemException;
import org.springframework.http.HttpStatus;

/** Missing, unknown, expired, revoked or reused. */
class InvalidRefreshToken extends ProblemException {

    InvalidRefreshToken(String detail) {
        super(HttpStatus.UNAUTHORIZED, "invalid-refresh-token", "Session expired", detail);
    }
}
