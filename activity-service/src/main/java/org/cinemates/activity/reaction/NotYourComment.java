package org.cinemates.activity.reaction;

import org.cinemates.platform.web.ProblemException;
import org.springframework.http.HttpStatus;

/** Only a comment's author, or the one whose activity it is under, deletes it. */
class NotYourComment extends ProblemException {

    NotYourComment(long id) {
        super(
                HttpStatus.FORBIDDEN,
                "not-your-comment",
                "Not your comment",
                "Only its author or the activity's owner may delete comment " + id);
    }
}
