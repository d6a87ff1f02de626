package org.cinemates.preference.diary;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cinemates.platform.security.CurrentUser;
import org.cinemates.preference.catalog.Movie;
import org.cinemates.preference.catalog.MovieCatalog;
import org.cinemates.preference.catalog.MovieLookup;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** My year in films, from the diary. */
@RestController
class StatsController {

    static final int TOP = 10;

    private final DiaryEntries entries;
    private final MovieCatalog catalog;
    private final Clock clock;

    StatsController(DiaryEntries entries, MovieCatalog catalog, Clock clock) {
        this.entries = entries;
        this.catalog = catalog;
        this.clock = clock;
    }

    record ScoreCount(BigDecimal score, long count) {}

    record MonthCount(int month, long viewings) {}

    record GenreCount(String genre, long count) {}

    /**
     * @param films different movies watched
     * @param averageScore of the viewings with a score; null without any
     * @param scoreHistogram every half star from 0.5 to 5.0, with how many viewings gave it
     * @param byMonth all twelve months
     * @param topGenres genres by how many of the year's films have them, at most ten
     * @param topRated the year's films by the score of their latest viewing that year, at most ten
     */
    record Stats(
            int year,
            long films,
            long viewings,
            long rewatches,
            @Nullable BigDecimal averageScore,
            List<ScoreCount> scoreHistogram,
            List<MonthCount> byMonth,
            List<GenreCount> topGenres,
            List<Movie> topRated) {}

    @Operation(summary = "My year in films", description = "Counts from my diary for one year (this year by default).")
    @GetMapping("/api/preferences/stats")
    Stats stats(
            CurrentUser me,
            @Parameter(description = "The year, this year by default")
                    @RequestParam(required = false)
                    @Min(1870)
                    @Max(9999)
                    @Nullable
                    Integer year) {
        int asked = year != null
                ? year
                : LocalDate.now(clock.withZone(ZoneOffset.UTC)).getYear();
        LocalDate from = LocalDate.of(asked, 1, 1);
        long[] histogram = new long[10];
        long[] months = new long[12];
        long[] counts = new long[2];
        BigDecimal[] total = {BigDecimal.ZERO};
        long[] scored = new long[1];
        Map<Long, @Nullable BigDecimal> latestScore = new LinkedHashMap<>();
        entries.forEach(me.id(), from, from.plusYears(1), entry -> {
            counts[0]++;
            if (entry.rewatch()) {
                counts[1]++;
            }
            months[entry.watchedOn().getMonthValue() - 1]++;
            BigDecimal score = entry.score();
            if (score != null) {
                histogram[score.multiply(BigDecimal.valueOf(2)).intValueExact() - 1]++;
                total[0] = total[0].add(score);
                scored[0]++;
                latestScore.put(entry.movieId(), score);
            } else {
                latestScore.putIfAbsent(entry.movieId(), null);
            }
        });
        List<ScoreCount> scores = new ArrayList<>();
        for (int i = 0; i < histogram.length; i++) {
            scores.add(new ScoreCount(
                    BigDecimal.valueOf(i + 1).divide(BigDecimal.valueOf(2)).setScale(1), histogram[i]));
        }
        List<MonthCount> byMonth = new ArrayList<>();
        for (int i = 0; i < months.length; i++) {
            byMonth.add(new MonthCount(i + 1, months[i]));
        }
        MovieLookup movies = catalog.lookup(latestScore.keySet());
        Map<String, Long> genres = new HashMap<>();
        for (Long movieId : latestScore.keySet()) {
            movies.find(movieId).ifPresent(movie -> {
                for (JsonNode genre : movie.json().path("genres")) {
                    if (genre.isString()) {
                        genres.merge(genre.asString(), 1L, Long::sum);
                    }
                }
            });
        }
        List<GenreCount> topGenres = genres.entrySet().stream()
                .map(entry -> new GenreCount(entry.getKey(), entry.getValue()))
                .sorted(Comparator.comparingLong(GenreCount::count).reversed().thenComparing(GenreCount::genre))
                .limit(TOP)
                .toList();
        List<Movie> topRated = latestScore.entrySet().stream()
                .filter(entry -> entry.getValue() != null)
                .sorted((a, b) -> {
                    int byScore = java.util.Objects.requireNonNull(b.getValue())
                            .compareTo(java.util.Objects.requireNonNull(a.getValue()));
                    return byScore != 0 ? byScore : Long.compare(a.getKey(), b.getKey());
                })
                .limit(TOP)
                .map(entry -> movies.orIdOnly(entry.getKey()))
                .toList();
        BigDecimal average =
                scored[0] == 0 ? null : total[0].divide(BigDecimal.valueOf(scored[0]), 2, RoundingMode.HALF_UP);
        return new Stats(
                asked, latestScore.size(), counts[0], counts[1], average, scores, byMonth, topGenres, topRated);
    }
}
