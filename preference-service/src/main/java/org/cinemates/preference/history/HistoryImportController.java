package org.cinemates.preference.history;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Bringing my history in: upload, preview, choices, apply, undo. */
@RestController
@RequestMapping("/api/preferences/imports")
class HistoryImportController {

    static final int MAX_REVIEW_ROWS = 500;

    private final ImportService imports;
    private final MovieCatalog catalog;

    HistoryImportController(ImportService imports, MovieCatalog catalog) {
        this.imports = imports;
        this.catalog = catalog;
    }

    record ReviewRow(
            int row,
            String where,
            String status,
            @Nullable String title,
            @Nullable Integer year,
            String kind,
            List<Movie> candidates,
            @Nullable String list) {}

    /**
     * How far the work is: while the import is analysed, rows matched so far; while it is applied,
     * rows written so far; of all the file's rows. Both equal once it is done.
     */
    record Progress(int done, int total) {}

    record ImportView(
            long id,
            String source,
            String fileName,
            String state,
            HistoryImports.Counts counts,
            Progress progress,
            List<String> skipped,
            @Nullable String message,
            Instant startedAt,
            @Nullable List<ReviewRow> review,
            @Nullable List<InvalidRow> invalid,
            @Nullable List<ImportService.ListSummary> lists) {}

    /** @param list the list the row is a movie of, null for other rows */
    record InvalidRow(
            int row,
            String where,
            @Nullable String problem,
            @Nullable String list) {}

    @Operation(
            summary = "Bring my history from Letterboxd, IMDb or Trakt",
            description = "A Letterboxd export ZIP or one of its CSVs, an IMDb ratings CSV, a Trakt export ZIP or"
                    + " JSON file. 202 at once; the import is analysed in the background. 400 for a file that"
                    + " cannot be imported, with the reason.")
    @PostMapping(consumes = "multipart/form-data")
    ResponseEntity<ImportView> upload(
            CurrentUser me,
            @RequestParam("file") MultipartFile file,
            @RequestParam(value = "source", required = false) @Size(max = 20) @Nullable String source)
            throws IOException {
        if (file.isEmpty()) {
            throw new ValidationFailed("file", "must not be empty");
        }
        String name = file.getOriginalFilename() != null ? file.getOriginalFilename() : "upload";
        long id = imports.upload(me.id(), name, file.getBytes());
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(view(me.id(), id, false));
    }

    @Operation(summary = "An import, with the rows that need my choice", description = "404 if not mine.")
    @GetMapping("/{id}")
    ImportView get(CurrentUser me, @PathVariable long id) {
        return view(me.id(), id, true);
    }

    record Choice(@NotNull Integer row, @Nullable Long movieId) {}

    record Choices(@NotNull @Size(max = 10_000) List<@Valid @NotNull Choice> choices) {}

    @Operation(summary = "Choose the movie of unclear rows (or none, to skip them)")
    @PostMapping("/{id}/choices")
    ImportView choose(CurrentUser me, @PathVariable long id, @Valid @RequestBody Choices body) {
        Map<Integer, @Nullable Long> choices = new HashMap<>();
        for (Choice choice : body.choices()) {
            choices.put(choice.row(), choice.movieId());
        }
        imports.choose(me.id(), id, choices);
        return view(me.id(), id, true);
    }

    @Operation(summary = "Apply the import", description = "202; applying again adds nothing twice.")
    @PostMapping("/{id}/apply")
    ResponseEntity<ImportView> apply(CurrentUser me, @PathVariable long id) {
        imports.apply(me.id(), id);
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(view(me.id(), id, false));
    }

    @Operation(summary = "Undo the import", description = "202; removes exactly what it added.")
    @DeleteMapping("/{id}")
    ResponseEntity<ImportView> undo(CurrentUser me, @PathVariable long id) {
        imports.undo(me.id(), id);
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(view(me.id(), id, false));
    }

    private ImportView view(long userId, long id, boolean withRows) {
        HistoryImports.Stored stored = imports.find(userId, id);
        List<ReviewRow> review = null;
        List<InvalidRow> invalid = null;
        List<ImportService.ListSummary> lists = null;
        if (withRows && !stored.state().equals("ANALYSING") && !stored.state().equals("APPLYING")) {
            List<Analysed.Row> rows = imports.toReview(id, MAX_REVIEW_ROWS);
            MovieLookup movies = catalog.lookup(
                    rows.stream().flatMap(row -> row.candidates().stream()).toList());
            review = rows.stream()
                    .map(row -> new ReviewRow(
                            row.row(),
                            row.where(),
                            row.status().name(),
                            row.title(),
                            row.year(),
                            row.kind().name(),
                            row.candidates().stream().map(movies::orIdOnly).toList(),
                            row.list() == null ? null : row.list().name()))
                    .toList();
            lists = imports.lists(id);
            invalid = imports.invalid(id, MAX_REVIEW_ROWS).stream()
                    .map(row -> new InvalidRow(
                            row.row(),
                            row.where(),
                            row.problem(),
                            row.list() == null ? null : row.list().name()))
                    .toList();
        }
        return new ImportView(
                stored.id(),
                stored.source(),
                stored.fileName(),
                stored.state(),
                stored.counts(),
                new Progress(
                        Math.min(stored.rowsDone(), stored.counts().rows()),
                        stored.counts().rows()),
                stored.skipped(),
                stored.message(),
                stored.startedAt(),
                review,
                invalid,
                lists);
    }
}
