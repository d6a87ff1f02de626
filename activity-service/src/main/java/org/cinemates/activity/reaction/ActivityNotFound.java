package org.cinemates.activity.reaction;

import org.cinemates.platform.web.ProblemException;
import org.springframework.http.HttpStatus;

/** No such activity, or none the member may see (the two are not told apart). */
class ActivityNotFound extends ProblemException {

    ActivityNotFound(long id) {
        super(HttpStatus.NOT_FOUND, "activity-not-found", "Activity not found", "There is no activity " + id);
    }
}
