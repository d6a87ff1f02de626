package org.cinemates.movie.catalog;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.cinemates.platform.web.ValidationFailed;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** Reading the catalogue (through the cache) and the edits admins make to it. */
@Service
class Catalogue {

    static final int FIRST_YEAR = 1870;
    static final int YEARS_AHEAD = 10;

    private final Movies movies;
    private final Genres genres;
    private final MovieCache cache;
    private final JsonMapper json;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Catalogue(
            Movies movies,
            Genres genres,
            MovieCache cache,
            JsonMapper json,
            ApplicationEventPublisher events,
            Clock clock) {
        this.movies = movies;
        this.genres = genres;
        this.cache = cache;
        this.json = json;
        this.events = events;
        this.clock = clock;
    }

    CachedMovie get(long id) {
        CachedMovie movie = cache.getAll(List.of(id), this::load).get(id);
        if (movie == null) {
            throw new MovieNotFound(id);
        }
        return movie;
    }

    /** The movies with these ids, in the order asked, each once; unknown ids are left out. */
    List<CachedMovie> getAll(List<Long> ids) {
        Set<Long> distinct = new LinkedHashSet<>(ids);
        Map<Long, CachedMovie> found = cache.getAll(distinct, this::load);
        List<CachedMovie> ordered = new ArrayList<>(found.size());
        for (Long id : distinct) {
            CachedMovie movie = found.get(id);
            if (movie != null) {
                ordered.add(movie);
            }
        }
        return ordered;
    }

    record Results(List<CachedMovie> movies, long total, boolean approximate) {}

    /** A search asked again while its page may be reused is answered from memory ({@link MovieCache}). */
    Results search(SearchCriteria criteria) {
        Movies.Hits hits = cache.search(criteria, movies::search);
        return new Results(getAll(hits.ids()), hits.total(), hits.approximate());
    }

    Optional<Genres.Genre> genre(String name) {
        return genres.current().find(name);
    }

    /** Genres that movies have, by name. */
    List<GenreCount> genreCounts() {
        return cache.genreCounts(() -> {
            Map<Long, Long> byBits = movies.countByGenreBits();
            List<GenreCount> counts = new ArrayList<>();
            for (Genres.Genre genre : genres.current().all()) {
                long count = 0;
                for (Map.Entry<Long, Long> entry : byBits.entrySet()) {
                    if ((entry.getKey() & genre.mask()) != 0) {
                        count += entry.getValue();
                    }
                }
                if (count > 0) {
                    counts.add(new GenreCount(genre.name(), count));
                }
            }
            counts.sort((a, b) -> a.name().compareToIgnoreCase(b.name()));
            return List.copyOf(counts);
        });
    }

    @Transactional
    CachedMovie create(MovieDraft draft) {
        Movies.Details details = details(draft);
        long id = movies.nextId();
        movies.insert(id, details, now());
        movies.recordEdit(id, false, now());
        events.publishEvent(new CatalogueChanged(Set.of(id)));
        return read(id);
    }

    /**
     * @param ifMatch the entity tag the admin last read, when the edit should fail if someone
     *     changed the movie since
     */
    @Transactional
    CachedMovie replace(long id, MovieDraft draft, @Nullable String ifMatch) {
        requireCurrent(id, ifMatch);
        if (!movies.update(id, details(draft), now())) {
            throw new MovieNotFound(id);
        }
        movies.recordEdit(id, false, now());
        events.publishEvent(new CatalogueChanged(Set.of(id)));
        return read(id);
    }

    @Transactional
    void delete(long id, @Nullable String ifMatch) {
        requireCurrent(id, ifMatch);
        if (!movies.delete(id)) {
            throw new MovieNotFound(id);
        }
        movies.recordEdit(id, true, now());
        events.publishEvent(new CatalogueChanged(Set.of(id)));
    }

    private void requireCurrent(long id, @Nullable String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return;
        }
        CachedMovie current = read(id);
        String expected = current.etag();
        boolean matches = false;
        for (String tag : ifMatch.split(",")) {
            matches |= weakly(tag.strip()).equals(weakly(expected));
        }
        if (!matches) {
            throw new MovieChangedMeanwhile(id);
        }
    }

    private static String weakly(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }

    private Movies.Details details(MovieDraft draft) {
        int lastYear = clock.instant().atZone(ZoneOffset.UTC).getYear() + YEARS_AHEAD;
        Integer year = draft.year();
        if (year != null && (year < FIRST_YEAR || year > lastYear)) {
            throw new ValidationFailed("year", "must be between " + FIRST_YEAR + " and " + lastYear);
        }
        Genres.Resolved resolved = genres.registration().resolve(draft.genreNames());
        return new Movies.Details(draft.title().strip(), year, resolved, draft.imdbNumber(), draft.tmdbId());
    }

    /** Straight from the database, bypassing the cache (which the change will empty on commit). */
    private CachedMovie read(long id) {
        CachedMovie movie = load(Set.of(id)).get(id);
        if (movie == null) {
            throw new MovieNotFound(id);
        }
        return movie;
    }

    private Map<Long, CachedMovie> load(Set<Long> ids) {
        Map<Long, CachedMovie> loaded = new HashMap<>();
        for (Movie movie : movies.findAll(ids)) {
            loaded.put(movie.id(), new CachedMovie(movie, ETags.of(json.writeValueAsBytes(movie))));
        }
        return loaded;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
