package org.cinemates.preference.recommendation;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import org.cinemates.platform.security.CurrentUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class RecommendationController {

    private final Recommendations recommendations;

    RecommendationController(Recommendations recommendations) {
        this.recommendations = recommendations;
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
}
