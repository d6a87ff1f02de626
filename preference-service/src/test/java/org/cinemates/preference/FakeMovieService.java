package org.cinemates.preference;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.json.JsonMapper;

/**
 * movie-service as preference-service sees it: {@code GET /api/movies/{id}}, {@code GET
 * /api/movies?ids=} and {@code GET /api/movies?sort=popularity&size=}, with movie-service's JSON
 * (see its MovieController and Movie).
 */
public final class FakeMovieService extends FakeService {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final AtomicLong IDS = new AtomicLong(100);

    private final Map<Long, String> movies = new ConcurrentHashMap<>();
    private final List<Long> popular = new CopyOnWriteArrayList<>();

    FakeMovieService() {
        super("movie-service");
    }

    /** Adds a movie to the catalogue; every call makes a movie no other test has seen. */
    public long add(String title) {
        return add(title, List.of("Drama", "Thriller"), List.of());
    }

    /** Adds a movie with these genres and tags to the catalogue. */
    public long add(String title, List<String> genres, List<String> tags) {
        return add(title, null, genres, tags);
    }

    /** Adds a movie of this year to the catalogue (IMDb id {@code tt} and the id; TMDb id ten times the id). */
    public long add(String title, int year) {
        return add(title, year, List.of("Drama"), List.of());
    }

    private long add(
            String title, @org.jspecify.annotations.Nullable Integer year, List<String> genres, List<String> tags) {
        long id = IDS.incrementAndGet();
        Map<String, Object> movie = new LinkedHashMap<>();
        movie.put("id", id);
        movie.put("title", title);
        movie.put("year", year != null ? year : 1990 + (int) (id % 30));
        movie.put("genres", genres);
        movie.put("imdbId", String.format("%07d", id));
        movie.put("imdbTitleId", String.format("tt%07d", id));
        movie.put("tmdbId", id * 10);
        movie.put("popularity", 0);
        movie.put("tags", tags);
        movies.put(id, JSON.writeValueAsString(movie));
        return id;
    }

    /** Adds a movie exactly as given (for catalogues read from MovieLens files). */
    public void put(
            long id,
            String title,
            @org.jspecify.annotations.Nullable Integer year,
            String imdbId,
            @org.jspecify.annotations.Nullable Long tmdbId) {
        Map<String, Object> movie = new LinkedHashMap<>();
        movie.put("id", id);
        movie.put("title", title);
        movie.put("year", year);
        movie.put("genres", List.of());
        movie.put("imdbId", imdbId);
        movie.put("imdbTitleId", "tt" + imdbId);
        movie.put("tmdbId", tmdbId);
        movie.put("popularity", 0);
        movie.put("tags", List.of());
        movies.put(id, JSON.writeValueAsString(movie));
    }

    /** An id the catalogue does not have. */
    public long unknownId() {
        return IDS.incrementAndGet();
    }

    /** What {@code sort=popularity} lists, most popular first. */
    public void popular(List<Long> ids) {
        popular.clear();
        popular.addAll(ids);
    }

    @Override
    protected Answer answer(Request request) {
        if (!request.method().equals("GET")) {
            return Answer.problem(405, "method-not-allowed", "Method not allowed");
        }
        if (request.path().equals("/api/movies")) {
            String ids = request.param("ids");
            if (ids != null) {
                return byIds(ids);
            }
            String size = request.param("size");
            if ("title".equals(request.param("sort"))) {
                String page = request.param("page");
                return catalogue(page != null ? Integer.parseInt(page) : 0, size != null ? Integer.parseInt(size) : 20);
            }
            return search(size != null ? Integer.parseInt(size) : 20);
        }
        if (request.path().startsWith("/api/movies/")) {
            try {
                String movie = movies.get(Long.parseLong(request.path().substring("/api/movies/".length())));
                return movie != null ? Answer.json(movie) : Answer.problem(404, "movie-not-found", "There is no movie");
            } catch (NumberFormatException e) {
                return Answer.problem(400, "validation", "'id' must be a number");
            }
        }
        return Answer.problem(404, "not-found", "Not Found");
    }

    private Answer byIds(String ids) {
        List<String> items = new ArrayList<>();
        String[] parts = ids.split(",");
        if (parts.length > 100) {
            return Answer.problem(400, "validation", "ids: must name at most 100 movies");
        }
        for (String part : parts) {
            String movie = movies.get(Long.parseLong(part.strip()));
            if (movie != null) {
                items.add(movie);
            }
        }
        return Answer.json("{\"items\":[" + String.join(",", items) + "]}");
    }

    /** The whole catalogue, page by page (by id, which is enough to walk it). */
    private Answer catalogue(int page, int size) {
        List<String> items = movies.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .skip((long) page * size)
                .limit(size)
                .map(Map.Entry::getValue)
                .toList();
        return Answer.json("{\"items\":[" + String.join(",", items) + "],\"page\":" + page + ",\"size\":" + size
                + ",\"total\":" + movies.size() + ",\"sort\":\"title\",\"approximate\":false}");
    }

    private Answer search(int size) {
        List<String> items = popular.stream()
                .limit(size)
                .map(movies::get)
                .filter(java.util.Objects::nonNull)
                .toList();
        return Answer.json("{\"items\":[" + String.join(",", items) + "],\"page\":0,\"size\":" + size + ",\"total\":"
                + popular.size() + ",\"sort\":\"popularity\",\"approximate\":false}");
    }
}
