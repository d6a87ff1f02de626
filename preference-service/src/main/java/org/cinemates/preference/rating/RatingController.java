package org.cinemates.preference.rating;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.cinemates.platform.security.CurrentUser;
import org.cinemates.platform.text.FreeText;
import org.cinemates.preference.catalog.Movie;
import org.cinemates.preference.catalog.MovieCatalog;
import org.cinemates.preference.catalog.MovieIds;
import org.cinemates.preference.catalog.MovieLookup;
import org.cinemates.preference.remote.Dependency;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A member's own ratings and reviews. */
@RestController
@RequestMapping("/api/preferences/ratings")
class RatingController {

    static final int MAX_REVIEW_LENGTH = 5000;

    private final RatingService ratings;
    private final MovieCatalog catalog;

    RatingController(RatingService ratings, MovieCatalog catalog) {
        this.ratings = ratings;
        this.catalog = catalog;
    }

    /**
     * @param score a JSON number: 0.5 to 5.0 in steps of 0.5
     * @param review at most 5000 characters, line breaks and tabs but no other control character
     *     (NUL included); blank or absent for none
     */
    record RatingRequest(
            @NotNull @StarScore BigDecimal score,
            @FreeText(max = MAX_REVIEW_LENGTH) @Nullable String review) {}

    record RatingView(
            long movieId, BigDecimal score, @Nullable String review, Instant ratedAt) {

        static RatingView of(Rating rating) {
            return new RatingView(rating.movieId(), rating.score(), rating.review(), rating.ratedAt());
        }
    }

    @Operation(
            summary = "Rate a movie, with or without a review",
            description = "Replaces my earlier score and review of the movie: 201 for a new rating, 200 for a"
                    + " changed one. The movie must be in the catalogue (404 otherwise; 503 when movie-service"
                    + " cannot say).")
    @PutMapping("/{movieId}")
    ResponseEntity<RatingView> rate(
            CurrentUser me, @PathVariable long movieId, @Valid @RequestBody RatingRequest request) {
        RatingService.Saved saved = ratings.rate(me.id(), MovieIds.checked(movieId), request.score(), request.review());
        return ResponseEntity.status(saved.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(RatingView.of(saved.rating()));
    }

    @Operation(summary = "Take back my rating (and review) of a movie", description = "404 if I have not rated it.")
    @DeleteMapping("/{movieId}")
    ResponseEntity<Void> delete(CurrentUser me, @PathVariable long movieId) {
        ratings.delete(me.id(), MovieIds.checked(movieId));
        return ResponseEntity.noContent().build();
    }

    record RatedMovie(
            Movie movie, BigDecimal score, @Nullable String review, Instant ratedAt) {}

    /**
     * @param degraded dependencies that could not be asked: with movie-service, movies the cache
     *     did not hold are given as {@code {id}} only
     */
    record RatingPage(
            List<RatedMovie> items,
            int page,
            int size,
            long total,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> degraded) {}

    @Operation(summary = "My ratings, newest first", description = "Pages are numbered from 0.")
    @GetMapping
    RatingPage list(
            CurrentUser me,
            @Parameter(description = "Page number, from 0") @RequestParam(defaultValue = "0") @Min(0) int page,
            @Parameter(description = "Ratings per page, 1 to 100") @RequestParam(defaultValue = "20") @Min(1) @Max(100)
                    int size) {
        RatingService.Page found = ratings.page(me.id(), page, size);
        MovieLookup movies = catalog.lookupRemembered(
                found.ratings().stream().map(Rating::movieId).toList());
        List<RatedMovie> items = found.ratings().stream()
                .map(rating -> new RatedMovie(
                        movies.orIdOnly(rating.movieId()), rating.score(), rating.review(), rating.ratedAt()))
                .toList();
        List<String> degraded = movies.degraded() ? List.of(Dependency.MOVIE_SERVICE.serviceName()) : List.of();
        return new RatingPage(items, page, size, found.total(), degraded);
    }
}
