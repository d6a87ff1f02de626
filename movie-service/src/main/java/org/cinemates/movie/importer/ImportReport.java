package org.cinemates.movie.importer;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What an import has read so far: rows per file, the bad ones counted in full, and the first of
 * them listed with their line numbers (a file of nothing but bad rows cannot fill the memory).
 * Used by the importing thread only.
 */
final class ImportReport {

    /**
     * @param line the line in the file, or null for a problem with the file as a whole
     */
    record RowError(String file, @Nullable Long line, String message) {}

    record FileCounts(String name, long rows, long skipped) {}

    private final int maxListed;
    private final List<RowError> errors = new ArrayList<>();
    private final Map<ImportFile, long[]> counts = new EnumMap<>(ImportFile.class);
    private long skipped;
    private long processed;
    private long total;
    private long inserted;
    private long updated;

    ImportReport(int maxListed) {
        this.maxListed = maxListed;
    }

    void expect(long rows) {
        total += rows;
    }

    void read(ImportFile file) {
        processed++;
        counts.computeIfAbsent(file, f -> new long[2])[0]++;
    }

    void skip(ImportFile file, long line, String reason) {
        counts.computeIfAbsent(file, f -> new long[2])[1]++;
        skipped++;
        list(new RowError(file.fileName(), line, reason));
    }

    /** A problem with a whole optional file, which is then left out. */
    void fileProblem(ImportFile file, String message) {
        list(new RowError(file.fileName(), null, message));
    }

    void changed(long inserted, long updated) {
        this.inserted = inserted;
        this.updated = updated;
    }

    private void list(RowError error) {
        if (errors.size() < maxListed) {
            errors.add(error);
        }
    }

    List<RowError> errors() {
        return List.copyOf(errors);
    }

    List<FileCounts> files() {
        List<FileCounts> files = new ArrayList<>();
        counts.forEach((file, c) -> files.add(new FileCounts(file.fileName(), c[0], c[1])));
        return files;
    }

    long rows(ImportFile file) {
        long[] c = counts.get(file);
        return c != null ? c[0] : 0;
    }

    long skipped() {
        return skipped;
    }

    long processed() {
        return processed;
    }

    long total() {
        return total;
    }

    long inserted() {
        return inserted;
    }

    long updated() {
        return updated;
    }
}
