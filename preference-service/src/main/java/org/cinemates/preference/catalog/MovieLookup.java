package org.cinemates.preference.catalog;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The movies found for a list of ids.
 *
 * @param found the movies found, by id: as movie-service has them now, or, when it could not be
 *     asked, as it had them when last asked
 * @param unknown ids movie-service says it does not have (removed from the catalogue)
 * @param degraded whether movie-service could not be asked for some of them
 */
public record MovieLookup(Map<Long, Movie> found, Set<Long> unknown, boolean degraded) {

    public Optional<Movie> find(long id) {
        return Optional.ofNullable(found.get(id));
    }

    /** The movie, or just its id when it could not be looked up (or is no longer catalogued). */
    public Movie orIdOnly(long id) {
        Movie movie = found.get(id);
        return movie != null ? movie : Movie.idOnly(id);
    }

    public boolean isUnknown(long id) {
        return unknown.contains(id);
    }
}
