package org.cinemates.preference.audience;

import org.cinemates.platform.web.ProblemException;
import org.springframework.http.HttpStatus;

/** user-service knows no member with this id. */
public class MemberNotFound extends ProblemException {

    MemberNotFound(long userId) {
        super(HttpStatus.NOT_FOUND, "member-not-found", "Member not found", "There is no member " + userId);
    }
}
