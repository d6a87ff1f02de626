package org.cinemates.preference.member;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Positive;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import org.cinemates.platform.security.Viewer;
import org.cinemates.preference.audience.Audience;
import org.cinemates.preference.catalog.Movie;
import org.cinemates.preference.catalog.MovieCatalog;
import org.cinemates.preference.catalog.MovieLookup;
import org.cinemates.preference.diary.DiaryEntry;
import org.cinemates.preference.diary.DiaryImports;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Another member's diary, as their visibility allows. */
@RestController
class MemberDiaryController {

    private static final Comparator<DiaryEntry> LATEST_FIRST = Comparator.comparing(DiaryEntry::watchedOn)
            .thenComparingLong(DiaryEntry::id)
            .reversed();

    private final DiaryImports diaries;
    private final MovieCatalog catalog;
    private final Audience audience;

    MemberDiaryController(DiaryImports diaries, MovieCatalog catalog, Audience audience) {
        this.diaries = diaries;
        this.catalog = catalog;
        this.audience = audience;
    }

    /** A viewing as others see it: the member's tags are theirs, but shown like the rest. */
    record EntryView(
            long id,
            Movie movie,
            LocalDate watchedOn,
            @Nullable BigDecimal score,
            @Nullable String review,
            boolean rewatch,
            List<String> tags,
            boolean liked,
            Instant createdAt) {}

    record DiaryPage(List<EntryView> items, int page, int size, long total) {}

    @Operation(
            summary = "A member's diary, latest viewing first",
            description = "As their visibility allows: PUBLIC to anyone (without an account too), FRIENDS to"
                    + " their friends, PRIVATE to nobody else; 403 otherwise, 404 for no such member.")
    @GetMapping("/api/preferences/members/{userId}/diary")
    DiaryPage ofMember(
            Viewer viewer,
            @PathVariable @Positive long userId,
            @Parameter(description = "Page number, from 0") @RequestParam(defaultValue = "0") @Min(0) @Max(100_000)
                    int page,
            @Parameter(description = "Entries per page, 1 to 100") @RequestParam(defaultValue = "20") @Min(1) @Max(100)
                    int size) {
        audience.requireMaySee(userId, viewer);
        // The diary package's API reads a member's whole diary (one indexed read); a page is cut here.
        List<DiaryEntry> all =
                diaries.entriesOf(userId).stream().sorted(LATEST_FIRST).toList();
        int from = (int) Math.min(all.size(), (long) page * size);
        List<DiaryEntry> shown = all.subList(from, Math.min(all.size(), from + size));
        MovieLookup movies =
                catalog.lookup(shown.stream().map(DiaryEntry::movieId).toList());
        List<EntryView> items = shown.stream()
                .map(entry -> new EntryView(
                        entry.id(),
                        movies.orIdOnly(entry.movieId()),
                        entry.watchedOn(),
                        entry.score(),
                        entry.review(),
                        entry.rewatch(),
                        entry.tags(),
                        entry.liked(),
                        entry.createdAt()))
                .toList();
        return new DiaryPage(items, page, size, all.size());
    }
}
