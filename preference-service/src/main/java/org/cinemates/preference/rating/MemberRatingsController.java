package org.cinemates.preference.rating;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Positive;
import java.util.List;
import org.cinemates.platform.security.Viewer;
import org.cinemates.preference.audience.Audience;
import org.cinemates.preference.catalog.MovieCatalog;
import org.cinemates.preference.catalog.MovieLookup;
import org.cinemates.preference.remote.Dependency;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Another member's ratings and reviews, as their visibility allows. */
@RestController
class MemberRatingsController {

    private final RatingService ratings;
    private final MovieCatalog catalog;
    private final Audience audience;

    MemberRatingsController(RatingService ratings, MovieCatalog catalog, Audience audience) {
        this.ratings = ratings;
        this.catalog = catalog;
        this.audience = audience;
    }

    @Operation(
            summary = "A member's ratings, newest first",
            description = "As their visibility allows: PUBLIC to anyone (without an account too), FRIENDS to"
                    + " their friends, PRIVATE to nobody else; 403 otherwise, 404 for no such member.")
    @GetMapping("/api/preferences/members/{userId}/ratings")
    RatingController.RatingPage ofMember(
            Viewer viewer,
            @PathVariable @Positive long userId,
            @Parameter(description = "Page number, from 0") @RequestParam(defaultValue = "0") @Min(0) @Max(100_000)
                    int page,
            @Parameter(description = "Ratings per page, 1 to 100") @RequestParam(defaultValue = "20") @Min(1) @Max(100)
                    int size) {
        audience.requireMaySee(userId, viewer);
        RatingService.Page found = ratings.page(userId, page, size);
        MovieLookup movies = catalog.lookupRemembered(
                found.ratings().stream().map(Rating::movieId).toList());
        List<RatingController.RatedMovie> items = found.ratings().stream()
                .map(rating -> new RatingController.RatedMovie(
                        movies.orIdOnly(rating.movieId()), rating.score(), rating.review(), rating.ratedAt()))
                .toList();
        List<String> degraded = movies.degraded() ? List.of(Dependency.MOVIE_SERVICE.serviceName()) : List.of();
        return new RatingController.RatingPage(items, page, size, found.total(), degraded);
    }
}
