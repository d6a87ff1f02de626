package org.cinemates.preference.rating;

import org.cinemates.platform.web.ProblemException;
import org.springframework.http.HttpStatus;

/** The member has not rated that movie. */
public class RatingNotFound extends ProblemException {

    RatingNotFound(long movieId) {
        super(HttpStatus.NOT_FOUND, "rating-not-found", "Rating not found", "You have not rated movie " + movieId);
    }
}
