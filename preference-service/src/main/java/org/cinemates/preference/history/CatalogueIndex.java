package org.cinemates.preference.history;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cinemates.preference.catalog.Movie;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The catalogue in memory, for matching imported rows: by IMDb id, by TMDb id, and by every
 * title key with its year. Built from movie-service's catalogue; nothing is asked of the internet.
 */
final class CatalogueIndex {

    /** A catalogue movie as matching sees it. */
    record Entry(long id, @Nullable Integer year) {}

    /** How a row matched: one movie, several to choose from, or none (with near misses). */
    record Match(@Nullable Long movieId, List<Long> candidates) {

        boolean matched() {
            return movieId != null;
        }
    }

    private static final int MAX_CANDIDATES = 5;

    private final Map<String, Long> byImdb = new HashMap<>();
    private final Map<Long, Long> byTmdb = new HashMap<>();
    private final Map<String, List<Entry>> byTitle = new HashMap<>();
    private final Map<Long, Entry> byId = new HashMap<>();

    CatalogueIndex(List<Movie> movies) {
        for (Movie movie : movies) {
            JsonNode json = movie.json();
            Integer year =
                    json.path("year").isIntegralNumber() ? json.path("year").asInt() : null;
            Entry entry = new Entry(movie.id(), year);
            byId.put(movie.id(), entry);
            String imdb = HistoryFiles.imdb(
                    json.path("imdbTitleId").asString(json.path("imdbId").asString("")));
            if (imdb != null) {
                byImdb.putIfAbsent(imdb, movie.id());
            }
            if (json.path("tmdbId").isIntegralNumber()) {
                byTmdb.putIfAbsent(json.path("tmdbId").asLong(), movie.id());
            }
            for (String key : TitleKey.keysOf(json.path("title").asString(""))) {
                byTitle.computeIfAbsent(key, k -> new ArrayList<>(1)).add(entry);
            }
        }
    }

    int size() {
        return byId.size();
    }

    boolean contains(long movieId) {
        return byId.containsKey(movieId);
    }

    Match match(ImportRow row) {
        if (row.imdbId() != null) {
            Long id = byImdb.get(row.imdbId());
            if (id != null) {
                return new Match(id, List.of());
            }
        }
        if (row.tmdbId() != null) {
            Long id = byTmdb.get(row.tmdbId());
            if (id != null) {
                return new Match(id, List.of());
            }
        }
        String title = row.title();
        if (title == null || title.isBlank()) {
            return new Match(null, List.of());
        }
        List<Entry> named = byTitle.getOrDefault(TitleKey.of(title), List.of());
        Integer year = row.year();
        if (year == null) {
            return named.size() == 1 ? new Match(named.get(0).id(), List.of()) : none(named);
        }
        List<Entry> exact = named.stream().filter(e -> year.equals(e.year())).toList();
        if (exact.size() == 1) {
            return new Match(exact.get(0).id(), List.of());
        }
        if (exact.size() > 1) {
            return none(exact);
        }
        List<Entry> near = named.stream()
                .filter(e -> e.year() != null && Math.abs(e.year() - year) == 1)
                .toList();
        if (near.size() == 1) {
            return new Match(near.get(0).id(), List.of());
        }
        return none(near.isEmpty() ? named : near);
    }

    private static Match none(List<Entry> candidates) {
        return new Match(
                null, candidates.stream().limit(MAX_CANDIDATES).map(Entry::id).toList());
    }
}
