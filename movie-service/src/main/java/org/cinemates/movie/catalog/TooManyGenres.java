package org.cinemates.movie.catalog;

import java.util.List;
import org.cinemates.platform.web.FieldError;
import org.cinemates.platform.web.ProblemException;
import org.springframework.http.HttpStatus;

/** A new genre when the catalogue already has as many as it can hold. */
public class TooManyGenres extends ProblemException {

    TooManyGenres(String name) {
        super(
                HttpStatus.BAD_REQUEST,
                "validation",
                "Invalid request",
                "The catalogue has " + Genres.MAX_GENRES + " genres, the most it can hold; '" + name
                        + "' cannot be added");
        getBody().setProperty("errors", List.of(new FieldError("genres", "names a genre the catalogue cannot add")));
    }
}
