package org.cinemates.movie.importer;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The newest import, as {@code GET /api/movies/import} shows it.
 *
 * @param state RUNNING, DONE or FAILED
 * @param source {@code sample} for the catalogue in the jar, else the name of the folder read
 * @param processed data rows read so far, in all files
 * @param total data rows in all files (known once the files have been measured)
 * @param skipped rows left out because they were bad; the first of them are in {@code errors}
 * @param inserted movies added to the catalogue
 * @param updated movies whose title, year, genres or links changed
 * @param error why the import failed, when it did
 * @param files rows read and skipped per file
 * @param errors the first bad rows, with their file and line (line null for a whole-file problem)
 */
public record ImportStatus(
        long id,
        String state,
        String source,
        long processed,
        long total,
        long skipped,
        long inserted,
        long updated,
        @Nullable Instant startedAt,
        @Nullable Instant finishedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String error,
        List<FileCounts> files,
        List<RowError> errors) {

    public static final String RUNNING = "RUNNING";
    public static final String DONE = "DONE";
    public static final String FAILED = "FAILED";

    public record FileCounts(String name, long rows, long skipped) {}

    public record RowError(String file, @Nullable Long line, String message) {}

    /** Before any import: nothing read, nothing running. */
    static ImportStatus none() {
        return new ImportStatus(0, DONE, "", 0, 0, 0, 0, 0, null, null, null, List.of(), List.of());
    }
}
