package org.cinemates.preference.diary;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.cinemates.platform.security.CurrentUser;
import org.cinemates.platform.web.ValidationFailed;
import org.cinemates.preference.catalog.Movie;
import org.cinemates.preference.catalog.MovieCatalog;
import org.cinemates.preference.catalog.MovieLookup;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** My diary: every viewing I log. */
@RestController
@RequestMapping("/api/preferences/diary")
class DiaryController {

    private final DiaryService diary;
    private final MovieCatalog catalog;
    private final Clock clock;

    DiaryController(DiaryService diary, MovieCatalog catalog, Clock clock) {
        this.diary = diary;
        this.catalog = catalog;
        this.clock = clock;
    }

    /**
     * @param watchedOn an ISO date, not in the future
     * @param score 0.5 to 5.0 in steps of 0.5, or absent
     */
    record LogRequest(
            @NotNull @Positive Long movieId,
            @NotNull LocalDate watchedOn,
            @Nullable BigDecimal score,

            @Size(max = ViewingRules.MAX_REVIEW_LENGTH) @Nullable
            String review,

            @Nullable Boolean rewatch,
            @Nullable List<String> tags,
            @Nullable Boolean liked) {}

    record EntryView(
            long id,
            Movie movie,
            LocalDate watchedOn,
            @Nullable BigDecimal score,
            @Nullable String review,
            boolean rewatch,
            List<String> tags,
            boolean liked,
            Instant createdAt) {

        static EntryView of(DiaryEntry entry, Movie movie) {
            return new EntryView(
                    entry.id(),
                    movie,
                    entry.watchedOn(),
                    entry.score(),
                    entry.review(),
                    entry.rewatch(),
                    entry.tags(),
                    entry.liked(),
                    entry.createdAt());
        }
    }

    @Operation(
            summary = "Log a viewing",
            description = "A score here becomes my rating of the movie when this is my latest viewing with a"
                    + " score. 404 for a movie the catalogue lacks.")
    @PostMapping
    ResponseEntity<EntryView> log(CurrentUser me, @Valid @RequestBody LogRequest request) {
        var viewing = new DiaryService.Viewing(
                day(request.watchedOn()),
                score(request.score()),
                ViewingRules.review(request.review()),
                Boolean.TRUE.equals(request.rewatch()),
                ViewingRules.tags(request.tags()),
                Boolean.TRUE.equals(request.liked()));
        DiaryEntry entry = diary.log(me.id(), request.movieId(), viewing);
        return ResponseEntity.status(HttpStatus.CREATED).body(view(entry));
    }

    record DiaryPage(List<EntryView> items, int page, int size, long total) {}

    @Operation(summary = "My diary, latest viewing first", description = "Optionally one year, or one month of it.")
    @GetMapping
    DiaryPage list(
            CurrentUser me,
            @Parameter(description = "Only this year") @RequestParam(required = false) @Min(1870) @Max(9999) @Nullable
                    Integer year,
            @Parameter(description = "Only this month of the year (1 to 12); needs year")
                    @RequestParam(required = false)
                    @Min(1)
                    @Max(12)
                    @Nullable
                    Integer month,
            @Parameter(description = "Page number, from 0") @RequestParam(defaultValue = "0") @Min(0) @Max(100_000)
                    int page,
            @Parameter(description = "Entries per page, 1 to 100") @RequestParam(defaultValue = "20") @Min(1) @Max(100)
                    int size) {
        LocalDate from = null;
        LocalDate until = null;
        if (month != null && year == null) {
            throw new ValidationFailed("month", "needs a year");
        }
        if (year != null) {
            from = month != null ? LocalDate.of(year, month, 1) : LocalDate.of(year, 1, 1);
            until = month != null ? from.plusMonths(1) : from.plusYears(1);
        }
        return page(catalog, diary.page(me.id(), from, until, page, size), page, size);
    }

    /** A page of entries with their movies, looked up in one call. */
    static DiaryPage page(MovieCatalog catalog, DiaryService.Page found, int page, int size) {
        MovieLookup movies =
                catalog.lookup(found.entries().stream().map(DiaryEntry::movieId).toList());
        List<EntryView> items = found.entries().stream()
                .map(entry -> EntryView.of(entry, movies.orIdOnly(entry.movieId())))
                .toList();
        return new DiaryPage(items, page, size, found.total());
    }

    @Operation(
            summary = "Change a viewing",
            description = "Only the fields sent change; a null score or review removes it. 404 if not mine.")
    @PatchMapping("/{id}")
    EntryView change(CurrentUser me, @PathVariable long id, @RequestBody JsonNode body) {
        if (!body.isObject()) {
            throw new ValidationFailed("body", "must be a JSON object");
        }
        List<String> unknown = new ArrayList<>();
        body.propertyNames().forEach(name -> {
            if (!List.of("watchedOn", "score", "review", "rewatch", "tags", "liked")
                    .contains(name)) {
                unknown.add(name);
            }
        });
        if (!unknown.isEmpty()) {
            throw new ValidationFailed(
                    "body", "has fields a viewing does not: " + String.join(", ", unknown.subList(0, 1)));
        }
        LocalDate watchedOn = body.has("watchedOn") ? day(date(body.get("watchedOn"))) : null;
        boolean setScore = body.has("score");
        BigDecimal score = setScore ? score(decimal(body.get("score"))) : null;
        boolean setReview = body.has("review");
        String review = setReview ? ViewingRules.review(text(body.get("review"), "review")) : null;
        if (review != null && review.length() > ViewingRules.MAX_REVIEW_LENGTH) {
            throw new ValidationFailed("review", "must be at most " + ViewingRules.MAX_REVIEW_LENGTH + " characters");
        }
        Boolean rewatch = body.has("rewatch") ? flag(body.get("rewatch"), "rewatch") : null;
        Boolean liked = body.has("liked") ? flag(body.get("liked"), "liked") : null;
        List<String> tags = body.has("tags") ? ViewingRules.tags(tagList(body.get("tags"))) : null;
        DiaryEntry entry = diary.change(
                me.id(),
                id,
                before -> new DiaryService.Viewing(
                        watchedOn != null ? watchedOn : before.watchedOn(),
                        setScore ? score : before.score(),
                        setReview ? review : before.review(),
                        rewatch != null ? rewatch : before.rewatch(),
                        tags != null ? tags : before.tags(),
                        liked != null ? liked : before.liked()));
        return view(entry);
    }

    @Operation(summary = "Remove a viewing", description = "404 if not mine.")
    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(CurrentUser me, @PathVariable long id) {
        diary.delete(me.id(), id);
        return ResponseEntity.noContent().build();
    }

    private EntryView view(DiaryEntry entry) {
        MovieLookup movies = catalog.lookup(List.of(entry.movieId()));
        return EntryView.of(entry, movies.orIdOnly(entry.movieId()));
    }

    private LocalDate day(LocalDate day) {
        String problem = ViewingRules.checkDay(day, clock);
        if (problem != null) {
            throw new ValidationFailed("watchedOn", problem);
        }
        return day;
    }

    private static @Nullable BigDecimal score(@Nullable BigDecimal score) {
        if (score == null) {
            return null;
        }
        if (!ViewingRules.isHalfStars(score)) {
            throw new ValidationFailed("score", "must be from 0.5 to 5.0 in steps of 0.5");
        }
        return score.setScale(1, RoundingMode.UNNECESSARY);
    }

    private static LocalDate date(JsonNode node) {
        if (!node.isString() || node.asString().length() != 10) {
            throw new ValidationFailed("watchedOn", "must be an ISO date such as 2026-11-24");
        }
        try {
            return LocalDate.parse(node.asString());
        } catch (DateTimeParseException e) {
            throw new ValidationFailed("watchedOn", "must be an ISO date such as 2026-11-24");
        }
    }

    private static @Nullable BigDecimal decimal(JsonNode node) {
        if (node.isNull()) {
            return null;
        }
        if (!node.isNumber() || node.asString().length() > 10) {
            throw new ValidationFailed("score", "must be a number from 0.5 to 5.0 in steps of 0.5, or null");
        }
        return node.decimalValue();
    }

    private static @Nullable String text(JsonNode node, String field) {
        if (node.isNull()) {
            return null;
        }
        if (!node.isString()) {
            throw new ValidationFailed(field, "must be text or null");
        }
        return node.asString();
    }

    private static boolean flag(JsonNode node, String field) {
        if (!node.isBoolean()) {
            throw new ValidationFailed(field, "must be true or false");
        }
        return node.asBoolean();
    }

    private static List<String> tagList(JsonNode node) {
        if (node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw new ValidationFailed("tags", "must be a list of text");
        }
        if (node.size() > ViewingRules.MAX_TAGS) {
            throw new ValidationFailed("tags", "must be at most " + ViewingRules.MAX_TAGS + " tags");
        }
        List<String> tags = new ArrayList<>();
        for (JsonNode tag : node) {
            if (!tag.isString()) {
                throw new ValidationFailed("tags", "must be a list of text");
            }
            tags.add(tag.asString());
        }
        return tags;
    }
}
