package org.cinemates.preference.catalog;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.cinemates.platform.http.DependencyUnavailable;
import org.cinemates.platform.http.ServiceClients;
import org.cinemates.preference.PreferenceSettings;
import org.cinemates.preference.remote.Dependency;
import org.cinemates.preference.remote.RemoteCalls;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import tools.jackson.databind.JsonNode;

/**
 * Movies from movie-service, remembered per id: a movie for {@code knownTtl}, "no such movie"
 * for the much shorter {@code unknownTtl} (an admin may add it). Writes ask the cache first, so
 * a movie seen lately can be rated while movie-service is down. Pages read on every visit (the
 * start page, recommendations, ratings) take movies seen lately from the cache and ask for the
 * rest in one batch call ({@link #lookupRemembered}); other lists ask movie-service first, in one
 * batch call per page, so they show movies as they are now, and fall back on the cache.
 */
@Component
public class MovieCatalog {

    private static final Logger log = LoggerFactory.getLogger(MovieCatalog.class);

    /** movie-service answers at most this many ids per call. */
    static final int MAX_IDS_PER_CALL = 100;

    private final MovieServiceApi movies;
    private final RemoteCalls remote;
    private final Cache<Long, Entry> cache;

    /** @param movie null for "movie-service has no such movie" */
    private record Entry(@Nullable Movie movie) {}

    MovieCatalog(ServiceClients clients, RemoteCalls remote, PreferenceSettings settings) {
        this.movies =
                clients.create(MovieServiceApi.class, remote.endpoint(Dependency.MOVIE_SERVICE, settings.moviesUrl()));
        this.remote = remote;
        Duration known = settings.movieCache().knownTtl();
        Duration unknown = settings.movieCache().unknownTtl();
        this.cache = Caffeine.newBuilder()
                .maximumSize(settings.movieCache().maxMovies())
                .expireAfter(new Expiry<Long, Entry>() {
                    @Override
                    public long expireAfterCreate(Long id, Entry entry, long currentTime) {
                        return (entry.movie() != null ? known : unknown).toNanos();
                    }

                    @Override
                    public long expireAfterUpdate(Long id, Entry entry, long currentTime, long currentDuration) {
                        return expireAfterCreate(id, entry, currentTime);
                    }

                    @Override
                    public long expireAfterRead(Long id, Entry entry, long currentTime, long currentDuration) {
                        return currentDuration;
                    }
                })
                .build();
    }

    /**
     * The movie, for writes that must only accept movies that exist.
     *
     * @throws MovieNotFound when movie-service says there is no such movie
     * @throws DependencyUnavailable when movie-service cannot say, and the answer is not remembered
     */
    public Movie require(long id) {
        Entry entry = cache.getIfPresent(id);
        if (entry == null) {
            entry = fetch(id);
            cache.put(id, entry);
        }
        Movie movie = entry.movie();
        if (movie == null) {
            throw new MovieNotFound(id);
        }
        return movie;
    }

    /** Whether {@link #require} can answer for this movie without asking movie-service. */
    public boolean remembers(long id) {
        return cache.getIfPresent(id) != null;
    }

    private Entry fetch(long id) {
        try {
            Movie movie = movie(remote.call(Dependency.MOVIE_SERVICE, () -> movies.movie(id)));
            if (movie == null || movie.id() != id) {
                log.warn("movie-service answered for movie {} with something else", id);
                throw new DependencyUnavailable(Dependency.MOVIE_SERVICE.serviceName());
            }
            return new Entry(movie);
        } catch (HttpClientErrorException e) {
            if (e.getStatusCode().isSameCodeAs(HttpStatus.NOT_FOUND)) {
                return new Entry(null);
            }
            log.warn("movie-service refused to look up movie {}: {}", id, e.getStatusCode());
            throw new DependencyUnavailable(Dependency.MOVIE_SERVICE.serviceName());
        }
    }

    /**
     * The movies with these ids, fresh from movie-service in one call per hundred ids (so a
     * page of a list is one call), and remembered for when movie-service is down. Never fails:
     * without movie-service, movies remembered from earlier are given as they were and the rest
     * are missing from {@link MovieLookup#found()}, and the lookup says it is degraded.
     */
    public MovieLookup lookup(Collection<Long> ids) {
        return lookup(ids, true);
    }

    /**
     * The movies with these ids, fresh from movie-service like {@link #lookup}, but not remembered:
     * for bulk reads (the whole catalogue's genres and tags for the recommender) that would crowd
     * the movies members see out of the cache, and make movies nobody looked at ratable while
     * movie-service is down.
     */
    public MovieLookup lookupWithoutRemembering(Collection<Long> ids) {
        return lookup(ids, false);
    }

    private MovieLookup lookup(Collection<Long> ids, boolean remember) {
        List<Long> wanted = new ArrayList<>(new LinkedHashSet<>(ids));
        Map<Long, Movie> found = new HashMap<>();
        Set<Long> unknown = new HashSet<>();
        for (int from = 0; from < wanted.size(); from += MAX_IDS_PER_CALL) {
            List<Long> batch = wanted.subList(from, Math.min(wanted.size(), from + MAX_IDS_PER_CALL));
            String query = batch.stream().map(String::valueOf).collect(Collectors.joining(","));
            List<JsonNode> answered;
            try {
                answered = remote.call(Dependency.MOVIE_SERVICE, () -> movies.moviesByIds(query))
                        .items();
            } catch (DependencyUnavailable | HttpClientErrorException e) {
                // Asking again for the next hundred would only make the answer slower.
                remembered(wanted.subList(from, wanted.size()), found, unknown);
                return new MovieLookup(found, unknown, true);
            }
            Set<Long> notAnswered = new HashSet<>(batch);
            for (JsonNode json : answered) {
                Movie movie = movie(json);
                if (movie != null && notAnswered.remove(movie.id())) {
                    found.put(movie.id(), movie);
                    if (remember) {
                        cache.put(movie.id(), new Entry(movie));
                    }
                }
            }
            for (Long id : notAnswered) {
                unknown.add(id);
                if (remember) {
                    cache.put(id, new Entry(null));
                }
            }
        }
        return new MovieLookup(found, unknown, false);
    }

    /**
     * The movies with these ids, those seen lately from the cache (titles and posters rarely
     * change) and the rest fresh from movie-service in one batch, remembered: for pages shown
     * on every visit (the start page, recommendations, ratings) that need not wait on movie-service
     * for movies it named a minute ago. Degraded when movie-service was needed and could not answer.
     */
    public MovieLookup lookupRemembered(Collection<Long> ids) {
        Map<Long, Movie> found = new HashMap<>();
        Set<Long> unknown = new HashSet<>();
        remembered(ids, found, unknown);
        List<Long> missing = ids.stream()
                .filter(id -> !found.containsKey(id) && !unknown.contains(id))
                .distinct()
                .toList();
        if (missing.isEmpty()) {
            return new MovieLookup(found, unknown, false);
        }
        MovieLookup fresh = lookup(missing, true);
        found.putAll(fresh.found());
        unknown.addAll(fresh.unknown());
        return new MovieLookup(found, unknown, fresh.degraded());
    }

    /**
     * The movies with these ids as far as they are remembered, without asking movie-service (for
     * an answer that already knows it is down): a degraded lookup.
     */
    public MovieLookup remembered(Collection<Long> ids) {
        Map<Long, Movie> found = new HashMap<>();
        Set<Long> unknown = new HashSet<>();
        remembered(ids, found, unknown);
        return new MovieLookup(found, unknown, true);
    }

    private void remembered(Collection<Long> ids, Map<Long, Movie> found, Set<Long> unknown) {
        for (Long id : ids) {
            Entry entry = cache.getIfPresent(id);
            if (entry != null && entry.movie() != null) {
                found.put(id, entry.movie());
            } else if (entry != null) {
                unknown.add(id);
            }
        }
    }

    /**
     * The catalogue's most popular movies, most popular first.
     *
     * @throws DependencyUnavailable when movie-service cannot say
     */
    public List<Movie> popular(int size) {
        int asked = Math.max(1, Math.min(MAX_IDS_PER_CALL, size));
        List<JsonNode> answered;
        try {
            answered = remote.call(Dependency.MOVIE_SERVICE, () -> movies.search("popularity", asked))
                    .items();
        } catch (HttpClientErrorException e) {
            log.warn("movie-service refused to list popular movies: {}", e.getStatusCode());
            throw new DependencyUnavailable(Dependency.MOVIE_SERVICE.serviceName());
        }
        List<Movie> popular = new ArrayList<>();
        for (JsonNode json : answered) {
            Movie movie = movie(json);
            if (movie != null) {
                popular.add(movie);
                cache.put(movie.id(), new Entry(movie));
            }
        }
        return popular;
    }

    /**
     * Every movie of the catalogue, page by page in title order (for matching imported titles):
     * not remembered, like {@link #lookupWithoutRemembering}.
     *
     * @param limit at most this many movies
     * @throws DependencyUnavailable when movie-service cannot say
     */
    public List<Movie> everyMovie(int limit) {
        List<Movie> all = new ArrayList<>();
        for (int page = 0; all.size() < limit; page++) {
            int asked = page;
            List<JsonNode> answered;
            try {
                answered = remote.call(Dependency.MOVIE_SERVICE, () -> movies.page("title", asked, MAX_IDS_PER_CALL))
                        .items();
            } catch (HttpClientErrorException e) {
                log.warn("movie-service refused to list its catalogue: {}", e.getStatusCode());
                throw new DependencyUnavailable(Dependency.MOVIE_SERVICE.serviceName());
            }
            for (JsonNode json : answered) {
                Movie movie = movie(json);
                if (movie != null) {
                    all.add(movie);
                }
            }
            if (answered.size() < MAX_IDS_PER_CALL) {
                break;
            }
        }
        return all;
    }

    /** A movie from movie-service's JSON; null for anything without a numeric id. */
    private static @Nullable Movie movie(@Nullable JsonNode json) {
        if (json == null || !json.isObject() || !json.path("id").isIntegralNumber()) {
            return null;
        }
        return new Movie(json.path("id").asLong(), json);
    }
}
