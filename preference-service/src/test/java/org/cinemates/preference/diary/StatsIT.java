package org.cinemates.preference.diary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cinemates.platform.test.ProblemAssertions.assertProblem;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cinemates.platform.test.ApiResponse;
import org.cinemates.preference.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** A member's year in numbers, from their diary. */
class StatsIT extends IntegrationTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        useDatabase(registry, "diarystats");
    }

    private void log(Member member, long movieId, String day, double score, boolean rewatch) {
        Map<String, Object> body = new HashMap<>();
        body.put("movieId", movieId);
        body.put("watchedOn", day);
        body.put("score", score);
        body.put("rewatch", rewatch);
        ApiResponse response = api().post("/api/preferences/diary")
                .bearer(member.token())
                .json(body)
                .send();
        assertThat(response.status()).as("%s", response).isEqualTo(201);
    }

    @Test
    void countsTheYearsFilmsViewingsScoresMonthsGenresAndFavourites() {
        Member ann = member("Ann");
        long heat = MOVIES.add("Heat", List.of("Crime", "Drama"), List.of());
        long alien = MOVIES.add("Alien", List.of("Horror", "Sci-Fi"), List.of());
        long up = MOVIES.add("Up", List.of("Animation", "Drama"), List.of());
        log(ann, heat, "2023-01-05", 4.0, false);
        log(ann, heat, "2023-03-09", 4.5, true);
        log(ann, alien, "2023-03-20", 5.0, false);
        log(ann, up, "2023-12-31", 3.5, false);
        log(ann, up, "2022-06-01", 1.0, false);

        ApiResponse response = api().get("/api/preferences/stats?year=2023")
                .bearer(ann.token())
                .send();

        assertThat(response.status()).as("%s", response).isEqualTo(200);
        JsonNode stats = response.json();
        assertThat(stats.path("year").asInt()).isEqualTo(2023);
        assertThat(stats.path("films").asLong()).isEqualTo(3);
        assertThat(stats.path("viewings").asLong()).isEqualTo(4);
        assertThat(stats.path("rewatches").asLong()).isEqualTo(1);
        assertThat(stats.path("averageScore").decimalValue()).isEqualByComparingTo("4.25");
        JsonNode histogram = stats.path("scoreHistogram");
        assertThat(histogram.size()).isEqualTo(10);
        assertThat(histogram.get(8).path("score").decimalValue()).isEqualByComparingTo("4.5");
        assertThat(histogram.get(8).path("count").asLong()).isEqualTo(1);
        assertThat(histogram.get(0).path("count").asLong()).isZero();
        List<Long> months = new ArrayList<>();
        stats.path("byMonth").forEach(month -> months.add(month.path("viewings").asLong()));
        assertThat(months).containsExactly(1L, 0L, 2L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 1L);
        assertThat(stats.path("topGenres").get(0).path("genre").asString()).isEqualTo("Drama");
        assertThat(stats.path("topGenres").get(0).path("count").asLong()).isEqualTo(2);
        List<Long> top = new ArrayList<>();
        stats.path("topRated").forEach(movie -> top.add(movie.path("id").asLong()));
        assertThat(top).containsExactly(alien, heat, up);

        JsonNode empty = api().get("/api/preferences/stats?year=1999")
                .bearer(ann.token())
                .send()
                .json();
        assertThat(empty.path("viewings").asLong()).isZero();
        assertThat(empty.path("averageScore").isNull()).isTrue();
        assertProblem(
                api().get("/api/preferences/stats?year=abc").bearer(ann.token()).send(), 400);
    }
}
