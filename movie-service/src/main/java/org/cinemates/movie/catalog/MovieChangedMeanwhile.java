package org.cinemates.movie.catalog;

import org.cinemates.platform.web.ProblemException;
import org.springframework.http.HttpStatus;

/** An edit sent with {@code If-Match} for a version of the movie that is no longer current. */
public class MovieChangedMeanwhile extends ProblemException {

    MovieChangedMeanwhile(long id) {
        super(
                HttpStatus.PRECONDITION_FAILED,
                "precondition-failed",
                "Movie changed meanwhile",
                "Movie " + id + " has changed since it was read; read it again and repeat the edit");
    }
}
