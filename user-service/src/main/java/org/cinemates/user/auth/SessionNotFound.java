package org.cinemates.user.auth;

import org.cinemates.platform.web.ProblemException;
import org.springframework.http.HttpStatus;

/** No open session of the member has that id (it ended, or it is someone else's). */
class SessionNotFound extends ProblemException {

    SessionNotFound() {
        super(HttpStatus.NOT_FOUND, "session-not-found", "Session not found", "You have no open session with that id");
    }
}
