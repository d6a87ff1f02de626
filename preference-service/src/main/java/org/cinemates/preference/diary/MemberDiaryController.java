package org.cinemates.preference.diary;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Positive;
import org.cinemates.platform.security.Viewer;
import org.cinemates.preference.audience.Audience;
import org.cinemates.preference.catalog.MovieCatalog;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Another member's diary, as their visibility allows: the same pages as my own. */
@RestController
class MemberDiaryController {

    private final DiaryService diary;
    private final MovieCatalog catalog;
    private final Audience audience;

    MemberDiaryController(DiaryService diary, MovieCatalog catalog, Audience audience) {
        this.diary = diary;
        this.catalog = catalog;
        this.audience = audience;
    }

    @Operation(
            summary = "A member's diary, latest viewing first",
            description = "As their visibility allows: PUBLIC to anyone (without an account too), FRIENDS to"
                    + " their friends, PRIVATE to nobody else; 403 otherwise, 404 for no such member.")
    @GetMapping("/api/preferences/members/{userId}/diary")
    DiaryController.DiaryPage ofMember(
            Viewer viewer,
            @PathVariable @Positive long userId,
            @Parameter(description = "Page number, from 0") @RequestParam(defaultValue = "0") @Min(0) @Max(100_000)
                    int page,
            @Parameter(description = "Entries per page, 1 to 100") @RequestParam(defaultValue = "20") @Min(1) @Max(100)
                    int size) {
        audience.requireMaySee(userId, viewer);
        return DiaryController.page(catalog, diary.page(userId, null, null, page, size), page, size);
    }
}
