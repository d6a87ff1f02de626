package org.cinemates.preference.recommendation;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cinemates.preference.catalog.Movie;
import org.cinemates.preference.catalog.MovieCatalog;
import org.cinemates.preference.catalog.MovieLookup;
import org.cinemates.preference.remote.Degradation;
import org.cinemates.preference.remote.Dependency;
import org.springframework.stereotype.Component;

/**
 * The movies a recommendation names (titles for reasons, genres for diversity and taste): remembered
 * ones from the movie cache, the rest in one lookup, unless movie-service already failed this request
 * (then they are left out).
 */
@Component
class MovieDetails {

    private final MovieCatalog catalog;

    MovieDetails(MovieCatalog catalog) {
        this.catalog = catalog;
    }

    Map<Long, Movie> of(Collection<Long> ids, Degradation degraded) {
        MovieLookup remembered = catalog.remembered(ids);
        Map<Long, Movie> movies = new HashMap<>(remembered.found());
        List<Long> missing = ids.stream()
                .filter(id -> !movies.containsKey(id) && !remembered.isUnknown(id))
                .toList();
        if (!missing.isEmpty() && !degraded.contains(Dependency.MOVIE_SERVICE)) {
            MovieLookup lookup = catalog.lookup(missing);
            if (lookup.degraded()) {
                degraded.add(Dependency.MOVIE_SERVICE);
            }
            movies.putAll(lookup.found());
        }
        return movies;
    }
}
