package org.cinemates.preference.list;

import org.cinemates.platform.web.ProblemException;
import org.springframework.http.HttpStatus;

/** The member has as many lists as one may have. */
class TooManyLists extends ProblemException {

    TooManyLists() {
        super(
                HttpStatus.CONFLICT,
                "too-many-lists",
                "Too many lists",
                "A member may have at most " + ListRules.MAX_LISTS + " lists; delete one first");
    }
}
