package org.cinemates.preference.recommendation;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import org.cinemates.platform.security.CurrentUser;
import org.cinemates.preference.catalog.MovieIds;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class RecommendationController {

    private final Recommendations recommendations;
    private final SimilarMovies similarMovies;

    RecommendationController(Recommendations recommendations, SimilarMovies similarMovies) {
        this.recommendations = recommendations;
        this.similarMovies = similarMovies;
    }

    record RecommendationList(
            List<Recommendation> items,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> degraded) {}

    @Operation(
            summary = "Movies I might like, best first, each with its reasons",
            description = "Never a movie I rated.")
    @GetMapping("/api/preferences/recommendations")
    RecommendationList recommendations(
            CurrentUser me,
            @Parameter(description = "How many, 1 to 100") @RequestParam(defaultValue = "20") @Min(1) @Max(100)
                    int limit) {
        Recommendations.Result result = recommendations.forMember(me.id(), limit);
        return new RecommendationList(result.items(), result.degraded());
    }

    record SimilarList(
            List<SimilarMovies.SimilarMovie> items,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> degraded) {}

    @Operation(
            summary = "Movies like this one, most similar first",
            description =
                    "From the recommender's learned movie-to-movie weights; never the movie itself. 404 for a movie"
                            + " movie-service does not know; empty for a movie the recommender has not learned yet.")
    @GetMapping("/api/preferences/movies/{movieId}/similar")
    SimilarList similar(
            CurrentUser me,
            @PathVariable long movieId,
            @Parameter(description = "How many, 1 to 100") @RequestParam(defaultValue = "20") @Min(1) @Max(100)
                    int limit) {
        SimilarMovies.Result result = similarMovies.of(MovieIds.checked(movieId), limit);
        return new SimilarList(result.items(), result.degraded());
    }
}
