package org.cinemates.movie.catalog;

import org.cinemates.platform.web.ProblemException;
import org.springframework.http.HttpStatus;

public class MovieNotFound extends ProblemException {

    MovieNotFound(long id) {
        super(HttpStatus.NOT_FOUND, "movie-not-found", "Movie not found", "There is no movie " + id);
    }
}
