package org.cinemates.preference.audience;

import org.cinemates.platform.web.ProblemException;
import org.springframework.http.HttpStatus;

/** The member's visibility keeps this viewer out. */
public class NotShown extends ProblemException {

    NotShown(long userId, Relation relation) {
        super(
                HttpStatus.FORBIDDEN,
                "not-shown",
                "Not shown",
                relation == Relation.ANONYMOUS
                        ? "Member " + userId + " shows this to members only: log in"
                        : "Member " + userId + " does not show this to you");
    }
}
