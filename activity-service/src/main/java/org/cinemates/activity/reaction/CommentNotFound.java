package org.cinemates.activity.reaction;

import org.cinemates.platform.web.ProblemException;
import org.springframework.http.HttpStatus;

/** No such comment, or none on an activity the member may see. */
class CommentNotFound extends ProblemException {

    CommentNotFound(long id) {
        super(HttpStatus.NOT_FOUND, "comment-not-found", "Comment not found", "There is no comment " + id);
    }
}
