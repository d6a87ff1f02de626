package org.cinemates.preference.catalog;

import org.cinemates.platform.web.ValidationFailed;

/** Movie ids as clients send them in paths. */
public final class MovieIds {

    private MovieIds() {}

    /** @throws ValidationFailed (400, naming {@code movieId}) unless {@code movieId} is positive */
    public static long checked(long movieId) {
        if (movieId < 1) {
            throw new ValidationFailed("movieId", "must be a positive number");
        }
        return movieId;
    }
}
