package org.cinemates.preference.catalog;

import org.cinemates.platform.web.ProblemException;
import org.springframework.http.HttpStatus;

/** movie-service says there is no such movie. */
public class MovieNotFound extends ProblemException {

    MovieNotFound(long id) {
        super(HttpStatus.NOT_FOUND, "movie-not-found", "Movie not found", "There is no movie " + id);
    }
}
