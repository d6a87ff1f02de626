package org.cinemates.preference.community;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * How the community import went, or is going.
 *
 * @param state {@code IDLE} (nothing to import yet), {@code RUNNING}, {@code DONE} or {@code FAILED}
 * @param processed rows read so far (good and bad)
 * @param total rows in the file (known once it was counted)
 * @param skipped bad rows left out
 * @param errors the first bad rows, with their line numbers
 */
public record ImportStatus(
        State state,
        long processed,
        long total,
        long skipped,
        @Nullable Instant startedAt,
        @Nullable Instant finishedAt,
        List<ImportError> errors) {

    public enum State {
        IDLE,
        RUNNING,
        DONE,
        FAILED
    }

    /** A bad row: its line in the file (the header is line 1) and what is wrong with it. */
    public record ImportError(long line, String message) {}

    static ImportStatus idle() {
        return new ImportStatus(State.IDLE, 0, 0, 0, null, null, List.of());
    }
}
