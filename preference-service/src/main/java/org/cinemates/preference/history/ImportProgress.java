package org.cinemates.preference.history;

import java.util.function.IntConsumer;

/**
 * How far an import's analysis or apply is, in rows of the file: counted as the work goes and
 * passed on (to the import's stored figures) each time another {@code every} rows are done, and
 * once more at the end, so a reader sees it move without a write per row.
 */
final class ImportProgress {

    private final int total;
    private final int every;
    private final IntConsumer report;
    private int done;
    private int reported;

    ImportProgress(int total, int every, IntConsumer report) {
        if (total < 0 || every < 1) {
            throw new IllegalArgumentException("total " + total + ", every " + every);
        }
        this.total = total;
        this.every = every;
        this.report = report;
    }

    /** Counts {@code rows} more rows done (never past the total); reports when a step is crossed. */
    void advance(int rows) {
        done = (int) Math.min(total, (long) done + Math.max(0, rows));
        if (done / every > reported / every) {
            reported = done;
            report.accept(done);
        }
    }

    /** Every row is done: reports the total, unless it was reported already. */
    void finish() {
        done = total;
        if (reported != total || total == 0) {
            reported = total;
            report.accept(total);
        }
    }

    int done() {
        return done;
    }

    int total() {
        return total;
    }
}
