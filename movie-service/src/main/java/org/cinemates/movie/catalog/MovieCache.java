package org.cinemates.movie.catalog;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.cinemates.movie.MovieSettings;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Movies by id, the genre counts, and the pages searches found, kept in memory for a short while.
 * Unknown ids are remembered too, so repeated 404s cost no query. A search's page is kept no longer
 * than its answer tells clients and the edge they may reuse it ({@code list-max-age}), so a member
 * sees no older page than an anonymous visitor already may. Every committed change empties what it
 * touched, and any change empties every search.
 */
@Component
class MovieCache {

    /** Pages of search results kept: each holds at most 100 ids. */
    static final int MAX_SEARCHES = 2_000;

    private final Cache<Long, Optional<CachedMovie>> movies;
    private final Cache<Boolean, List<GenreCount>> genreCounts;
    private final Cache<SearchCriteria, Movies.Hits> searches;

    MovieCache(MovieSettings settings) {
        this.movies = Caffeine.newBuilder()
                .maximumSize(settings.cache().maxMovies())
                .expireAfterWrite(settings.cache().ttl())
                .build();
        this.genreCounts =
                Caffeine.newBuilder().expireAfterWrite(settings.cache().ttl()).build();
        this.searches = Caffeine.newBuilder()
                .maximumSize(MAX_SEARCHES)
                .expireAfterWrite(settings.cache().listMaxAge())
                .build();
    }

    /** The page of ids a search finds, searching with {@code search} when it is not kept. */
    Movies.Hits search(SearchCriteria criteria, Function<SearchCriteria, Movies.Hits> search) {
        return searches.get(criteria, search);
    }

    /** The movies with these ids that exist, loading the ones not cached with {@code load}. */
    Map<Long, CachedMovie> getAll(Collection<Long> ids, Function<Set<Long>, Map<Long, CachedMovie>> load) {
        Map<Long, Optional<CachedMovie>> found = movies.getAll(ids, missing -> {
            Map<Long, CachedMovie> loaded = load.apply(Set.copyOf(missing));
            Map<Long, Optional<CachedMovie>> answer = new HashMap<>();
            missing.forEach(id -> answer.put(id, Optional.ofNullable(loaded.get(id))));
            return answer;
        });
        Map<Long, CachedMovie> present = new HashMap<>();
        found.forEach((id, movie) -> movie.ifPresent(m -> present.put(id, m)));
        return present;
    }

    List<GenreCount> genreCounts(Supplier<List<GenreCount>> load) {
        return genreCounts.get(Boolean.TRUE, key -> load.get());
    }

    /** After commit, so a read racing the change cannot cache what is about to be replaced. */
    @TransactionalEventListener(fallbackExecution = true)
    void on(CatalogueChanged change) {
        if (change.everythingMayHaveChanged()) {
            movies.invalidateAll();
        } else {
            movies.invalidateAll(change.movieIds());
        }
        genreCounts.invalidateAll();
        // Any change may add a movie to a search, or move one from page to page.
        searches.invalidateAll();
    }
}
