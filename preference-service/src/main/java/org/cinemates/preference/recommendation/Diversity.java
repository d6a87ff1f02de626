package org.cinemates.preference.recommendation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cinemates.preference.catalog.Movie;
import org.cinemates.preference.remote.Degradation;
import org.cinemates.recommender.model.HybridModel;
import org.springframework.stereotype.Component;

/**
 * Keeps the first picks of a cold-start list from being all of one kind: at most {@value #MAX_PER_GENRE}
 * movies of one leading genre (a movie's first genre, as movie-service lists it) among the first {@value
 * #DIVERSE_TOP}.
 */
@Component
class Diversity {

    static final int MAX_PER_GENRE = 3;

    static final int DIVERSE_TOP = 10;

    private final MovieDetails movies;

    Diversity(MovieDetails movies) {
        this.movies = movies;
    }

    /**
     * The first {@code limit} of {@code pool} (best first), except that among the first {@value
     * #DIVERSE_TOP} no leading genre appears more than {@value #MAX_PER_GENRE} times; the movies held
     * back follow, in their order.
     */
    static int[] diverse(int[] pool, Map<Integer, String> genres, int limit) {
        List<Integer> picked = new ArrayList<>(limit);
        Set<Integer> taken = new HashSet<>();
        Map<String, Integer> perGenre = new HashMap<>();
        for (int item : pool) {
            if (picked.size() >= Math.min(limit, DIVERSE_TOP)) {
                break;
            }
            String genre = genres.get(item);
            if (genre != null && perGenre.getOrDefault(genre, 0) >= MAX_PER_GENRE) {
                continue;
            }
            if (genre != null) {
                perGenre.merge(genre, 1, Integer::sum);
            }
            picked.add(item);
            taken.add(item);
        }
        for (int item : pool) {
            if (picked.size() >= limit) {
                break;
            }
            if (taken.add(item)) {
                picked.add(item);
            }
        }
        return picked.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Each movie's first genre, as movie-service lists them (remembered ones without asking). */
    Map<Integer, String> leadingGenres(int[] pool, HybridModel model, Degradation degraded) {
        Map<Long, Integer> byId = new HashMap<>();
        for (int item : pool) {
            byId.put(model.itemId(item), item);
        }
        Map<Long, Movie> found = movies.of(byId.keySet(), degraded);
        Map<Integer, String> genres = new HashMap<>();
        found.forEach((id, movie) -> {
            String genre = movie.json().path("genres").path(0).asString("");
            Integer item = byId.get(id);
            if (item != null && !genre.isBlank() && !genre.startsWith("(")) {
                genres.put(item, genre);
            }
        });
        return genres;
    }
}
