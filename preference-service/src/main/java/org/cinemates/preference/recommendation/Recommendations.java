package org.cinemates.preference.recommendation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cinemates.platform.http.DependencyUnavailable;
import org.cinemates.preference.catalog.Movie;
import org.cinemates.preference.catalog.MovieCatalog;
import org.cinemates.preference.catalog.MovieLookup;
import org.cinemates.preference.rating.MemberRatings;
import org.cinemates.preference.remote.Degradation;
import org.cinemates.preference.remote.Dependency;
import org.springframework.stereotype.Service;

/**
 * Recommendations for a member: the source's candidates first, then, when they are too few, the
 * catalogue's most popular movies; never a movie the member rated, each movie once. Movies are
 * named from the movie cache where they were seen lately, the rest in one batch lookup.
 */
@Service
public class Recommendations {

    static final String POPULAR_IN_CATALOGUE = "Popular on Cinemates";

    private final RecommendationSource source;
    private final MovieCatalog catalog;
    private final MemberRatings ratings;

    Recommendations(RecommendationSource source, MovieCatalog catalog, MemberRatings ratings) {
        this.source = source;
        this.catalog = catalog;
        this.ratings = ratings;
    }

    /** @param degraded the dependencies that could not be asked (movies then carry only their id) */
    public record Result(List<Recommendation> items, List<String> degraded) {}

    public Result forMember(long memberId, int limit) {
        Degradation degraded = new Degradation();
        // The source never suggests a rated movie; the member's ratings matter only for topping up.
        Set<Long> taken = new HashSet<>();
        List<Candidate> picks = new ArrayList<>();
        for (Candidate candidate : source.candidates(memberId, limit, degraded)) {
            if (picks.size() < limit && taken.add(candidate.movieId())) {
                picks.add(candidate);
            }
        }
        Map<Long, Movie> movies = new HashMap<>();
        if (picks.size() < limit) {
            taken.addAll(ratings.moviesOf(memberId));
            try {
                // Enough to fill the list even when the member rated many of the most popular.
                for (Movie movie : catalog.popular(limit + taken.size())) {
                    if (picks.size() < limit && taken.add(movie.id())) {
                        picks.add(new Candidate(movie.id(), null, List.of(POPULAR_IN_CATALOGUE)));
                        movies.put(movie.id(), movie);
                    }
                }
            } catch (DependencyUnavailable e) {
                degraded.add(Dependency.MOVIE_SERVICE);
            }
        }
        List<Long> unnamed = picks.stream()
                .map(Candidate::movieId)
                .filter(id -> !movies.containsKey(id))
                .toList();
        // Movies seen lately are taken from the cache (titles rarely change); the rest in one batch.
        // Once movie-service failed this request, asking it again would only make the answer slower.
        MovieLookup lookup = degraded.contains(Dependency.MOVIE_SERVICE)
                ? catalog.remembered(unnamed)
                : catalog.lookupRemembered(unnamed);
        if (lookup.degraded()) {
            degraded.add(Dependency.MOVIE_SERVICE);
        }
        List<Recommendation> items = new ArrayList<>();
        for (Candidate pick : picks) {
            if (lookup.isUnknown(pick.movieId())) {
                continue; // no longer in the catalogue
            }
            Movie movie = movies.getOrDefault(pick.movieId(), lookup.orIdOnly(pick.movieId()));
            items.add(new Recommendation(movie, pick.score(), pick.reasons()));
        }
        return new Result(items, degraded.names());
    }
}
