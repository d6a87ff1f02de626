package org.cinemates.user.friendship;

import org.cinemates.platform.web.ProblemException;
import org.springframework.http.HttpStatus;

class RequestAlreadyPending extends ProblemException {

    RequestAlreadyPending() {
        super(
                HttpStatus.CONFLICT,
                "request-pending",
                "Request pending",
                "A friend request between you is pending already::");
    }
}
