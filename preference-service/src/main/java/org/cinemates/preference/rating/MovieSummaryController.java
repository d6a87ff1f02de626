package org.cinemates.preference.rating;

import io.swagger.v3.oas.annotations.Operation;
import org.cinemates.platform.security.CurrentUser;
import org.cinemates.preference.catalog.MovieIds;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A movie's ratings at a glance, for its page. */
@RestController
class MovieSummaryController {

    private final MovieSummaries summaries;

    MovieSummaryController(MovieSummaries summaries) {
        this.summaries = summaries;
    }

    @Operation(
            summary = "What members think of a movie",
            description = "The average (two decimals, null without ratings) and count of every member's scores,"
                    + " my score, and my friends' scores, best first. 404 for a movie movie-service does not know.")
    @GetMapping("/api/preferences/movies/{movieId}/summary")
    MovieSummaries.Summary summary(CurrentUser me, @PathVariable long movieId) {
        return summaries.of(me.id(), MovieIds.checked(movieId));
    }
}
