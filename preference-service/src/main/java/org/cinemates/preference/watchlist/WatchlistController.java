package org.cinemates.preference.watchlist;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.util.List;
import org.cinemates.platform.security.CurrentUser;
import org.cinemates.preference.catalog.Movie;
import org.cinemates.preference.catalog.MovieCatalog;
import org.cinemates.preference.catalog.MovieIds;
import org.cinemates.preference.catalog.MovieLookup;
import org.cinemates.preference.remote.Dependency;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A member's own watchlist. */
@RestController
@RequestMapping("/api/preferences/watchlist")
class WatchlistController {

    private final WatchlistService watchlist;
    private final MovieCatalog catalog;

    WatchlistController(WatchlistService watchlist, MovieCatalog catalog) {
        this.watchlist = watchlist;
        this.catalog = catalog;
    }

    @Operation(
            summary = "Put a movie on my watchlist",
            description = "204 whether or not it was there already. 404 for a movie movie-service does not know.")
    @PutMapping("/{movieId}")
    ResponseEntity<Void> add(CurrentUser me, @PathVariable long movieId) {
        watchlist.add(me.id(), MovieIds.checked(movieId));
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Take a movie off my watchlist", description = "204 whether or not it was there.")
    @DeleteMapping("/{movieId}")
    ResponseEntity<Void> remove(CurrentUser me, @PathVariable long movieId) {
        watchlist.remove(me.id(), MovieIds.checked(movieId));
        return ResponseEntity.noContent().build();
    }

    record WatchlistItem(Movie movie, Instant addedAt) {}

    record WatchlistPage(
            List<WatchlistItem> items,
            int page,
            int size,
            long total,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> degraded) {}

    @Operation(summary = "My watchlist, most recently added first", description = "Pages are numbered from 0.")
    @GetMapping
    WatchlistPage list(
            CurrentUser me,
            @Parameter(description = "Page number, from 0") @RequestParam(defaultValue = "0") @Min(0) int page,
            @Parameter(description = "Movies per page, 1 to 100") @RequestParam(defaultValue = "20") @Min(1) @Max(100)
                    int size) {
        WatchlistService.Page found = watchlist.page(me.id(), page, size);
        MovieLookup movies = catalog.lookup(
                found.entries().stream().map(WatchlistEntry::movieId).toList());
        List<WatchlistItem> items = found.entries().stream()
                .map(entry -> new WatchlistItem(movies.orIdOnly(entry.movieId()), entry.addedAt()))
                .toList();
        List<String> degraded = movies.degraded() ? List.of(Dependency.MOVIE_SERVICE.serviceName()) : List.of();
        return new WatchlistPage(items, page, size, found.total(), degraded);
    }
}
