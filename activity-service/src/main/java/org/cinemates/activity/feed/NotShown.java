package org.cinemates.activity.feed;

import org.cinemates.platform.web.ProblemException;
import org.springframework.http.HttpStatus;

/** The member's visibility keeps this viewer from their activity. */
public class NotShown extends ProblemException {

    NotShown(long userId, boolean anonymous) {
        super(
                HttpStatus.FORBIDDEN,
                "not-shown",
                "Not shown",
                anonymous
                        ? "Member " + userId + " shows their activity to members only: log in"
                        : "Member " + userId + " does not show their activity to you");
    }
}
