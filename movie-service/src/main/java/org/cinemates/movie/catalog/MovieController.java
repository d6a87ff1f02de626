package org.cinemates.movie.catalog;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.cinemates.movie.MovieSettings;
import org.cinemates.platform.web.ValidationFailed;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The catalogue over HTTP. Reads are public and say how long they may be cached (nginx
 * micro-caches anonymous ones); edits need the ADMIN role.
 */
@RestController
@RequestMapping("/api/movies")
class MovieController {

    static final int MAX_IDS = 100;
    static final int MIN_YEAR = 1800;
    static final int MAX_YEAR = 2200;

    private final Catalogue catalogue;
    private final CacheControl movieCaching;
    private final CacheControl listCaching;

    MovieController(Catalogue catalogue, MovieSettings settings) {
        this.catalogue = catalogue;
        this.movieCaching = CacheControl.maxAge(settings.cache().maxAge()).cachePublic();
        this.listCaching = CacheControl.maxAge(settings.cache().listMaxAge()).cachePublic();
    }

    /**
     * @param sort the order actually used (the default depends on whether there is a query)
     * @param approximate whether no title contained every word, and these are titles with
     *     similar words instead (PostgreSQL only)
     */
    record MoviePage(List<Movie> items, int page, int size, long total, String sort, boolean approximate) {}

    @Operation(
            summary = "Search and browse the catalogue",
            description = "Titles match when they contain every word of q, ignoring case, accents and"
                    + " punctuation; best match first. Pages are numbered from 0.")
    @GetMapping(params = "!ids")
    ResponseEntity<MoviePage> search(
            @Parameter(description = "Words of the title, at most 200 characters")
                    @RequestParam(required = false)
                    @Size(max = 200)
                    @Nullable
                    String q,
            @Parameter(description = "A genre from GET /api/movies/genres, in any case; unknown genres are a 400")
                    @RequestParam(required = false)
                    @Size(max = Genres.MAX_NAME_LENGTH)
                    @Nullable
                    String genre,
            @Parameter(description = "Released in or after this year (movies without a year are left out)")
                    @RequestParam(required = false)
                    @Min(MIN_YEAR)
                    @Max(MAX_YEAR)
                    @Nullable
                    Integer yearFrom,
            @Parameter(description = "Released in or before this year; not before yearFrom")
                    @RequestParam(required = false)
                    @Min(MIN_YEAR)
                    @Max(MAX_YEAR)
                    @Nullable
                    Integer yearTo,
            @Parameter(description = "Tagged with this tag by MovieLens members (ignoring case and accents)")
                    @RequestParam(required = false)
                    @Size(max = 100)
                    @Nullable
                    String tag,
            @Parameter(
                            description = "relevance, title, year, -year (newest first) or popularity (most rated"
                                    + " first); default relevance with q, popularity without")
                    @RequestParam(required = false)
                    @Nullable
                    Sort sort,
            @Parameter(description = "Page number, from 0") @RequestParam(defaultValue = "0") @Min(0) int page,
            @Parameter(description = "Movies per page, 1 to 100") @RequestParam(defaultValue = "20") @Min(1) @Max(100)
                    int size) {
        if (yearFrom != null && yearTo != null && yearFrom > yearTo) {
            throw new ValidationFailed("yearFrom", "must not be after yearTo");
        }
        Long genreMask = null;
        if (genre != null && !genre.isBlank()) {
            genreMask = catalogue
                    .genre(genre)
                    .orElseThrow(() -> new ValidationFailed(
                            "genre", "is not a genre of the catalogue; GET /api/movies/genres lists them"))
                    .mask();
        }
        String query = q != null ? SearchText.normalize(q) : "";
        String tagKey = tag != null && !tag.isBlank() ? SearchText.normalize(tag) : null;
        Sort order = sort != null ? sort : query.isEmpty() ? Sort.POPULARITY : Sort.RELEVANCE;
        var criteria = new SearchCriteria(query, genreMask, yearFrom, yearTo, tagKey, order, page, size);
        Catalogue.Results results = catalogue.search(criteria);
        List<Movie> items = results.movies().stream().map(CachedMovie::movie).toList();
        return ResponseEntity.ok()
                .cacheControl(listCaching)
                .body(new MoviePage(items, page, size, results.total(), order.toString(), results.approximate()));
    }

    record MovieList(List<Movie> items) {}

    @Operation(
            summary = "Movies by id",
            description = "In the order asked, each once; unknown ids are left out. At most " + MAX_IDS + " ids.")
    @GetMapping(params = "ids")
    ResponseEntity<MovieList> byIds(
            // Documented as optional: this and the search share GET /api/movies, told apart by ids.
            @Parameter(description = "Movie ids separated by commas, e.g. 1,2,3; without it, a search")
                    @RequestParam(required = false)
                    @Nullable
                    String ids) {
        List<CachedMovie> movies = catalogue.getAll(parseIds(ids != null ? ids : ""));
        return ResponseEntity.ok()
                .eTag(ETags.ofAll(movies))
                .cacheControl(movieCaching)
                .body(new MovieList(movies.stream().map(CachedMovie::movie).toList()));
    }

    @Operation(summary = "One movie", description = "Honours If-None-Match with 304.")
    @GetMapping("/{id}")
    ResponseEntity<Movie> movie(@PathVariable long id) {
        CachedMovie movie = catalogue.get(id);
        return ResponseEntity.ok().eTag(movie.etag()).cacheControl(movieCaching).body(movie.movie());
    }

    record GenreList(List<GenreCount> items) {}

    @Operation(summary = "The genres movies of the catalogue have, by name, with how many have each")
    @GetMapping("/genres")
    ResponseEntity<GenreList> genres() {
        return ResponseEntity.ok().cacheControl(listCaching).body(new GenreList(catalogue.genreCounts()));
    }

    @Operation(summary = "Add a movie (ADMIN)", description = "New movies get ids from 10,000,000 on.")
    @PostMapping
    ResponseEntity<Movie> create(@Valid @RequestBody MovieDraft draft) {
        CachedMovie movie = catalogue.create(draft);
        return ResponseEntity.created(URI.create("/api/movies/" + movie.movie().id()))
                .eTag(movie.etag())
                .body(movie.movie());
    }

    @Operation(
            summary = "Replace a movie's details (ADMIN)",
            description = "Later imports leave the movie as edited. With If-Match, 412 if it changed meanwhile.")
    @PutMapping("/{id}")
    ResponseEntity<Movie> replace(
            @PathVariable long id,
            @Valid @RequestBody MovieDraft draft,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        CachedMovie movie = catalogue.replace(id, draft, ifMatch);
        return ResponseEntity.ok().eTag(movie.etag()).body(movie.movie());
    }

    @Operation(
            summary = "Remove a movie (ADMIN)",
            description = "Later imports do not bring it back. With If-Match, 412 if it changed meanwhile.")
    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(
            @PathVariable long id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        catalogue.delete(id, ifMatch);
        return ResponseEntity.noContent().build();
    }

    /** The request line is at most a few kilobytes (server.max-http-request-header-size). */
    private static List<Long> parseIds(String ids) {
        List<Long> parsed = new ArrayList<>();
        for (String part : ids.split(",")) {
            String id = part.strip();
            if (id.isEmpty()) {
                continue;
            }
            if (parsed.size() == MAX_IDS) {
                throw new ValidationFailed("ids", "must name at most " + MAX_IDS + " movies");
            }
            try {
                long value = Long.parseLong(id);
                if (value < 1) {
                    throw new NumberFormatException(id);
                }
                parsed.add(value);
            } catch (NumberFormatException e) {
                throw new ValidationFailed("ids", "must be movie ids (positive numbers) separated by commas");
            }
        }
        return parsed;
    }
}
