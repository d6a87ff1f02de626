package org.cinemates.user.auth;

import org.cinemates.platform.web.ProblemException;
import org.springframework.http.HttpStatus;

/** The CSRF token sent is not the one this session was issued. */
class CsrfMismatch extends ProblemException {

    CsrfMismatch() {
        super(HttpStatus.FORBIDDEN, "csrf", "CSRF check failed", "The CSRF token does not belong to this session");
    }
}
