package org.cinemates.preference.history;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** An import's rows after matching, kept as JSON until it is applied; and what applying changed. */
final class Analysed {

    private Analysed() {}

    enum Status {
        MATCHED,
        AMBIGUOUS,
        UNMATCHED,
        DUPLICATE,
        INVALID,
        SKIPPED
    }

    record Row(
            int row,
            ImportRow.Kind kind,
            Status status,
            String where,
            @Nullable String title,
            @Nullable Integer year,
            @Nullable Long movieId,
            List<Long> candidates,
            @Nullable LocalDate watchedOn,
            @Nullable BigDecimal score,
            @Nullable String review,
            boolean rewatch,
            List<String> tags,
            @Nullable String problem,
            ImportRow.@Nullable ListPart list) {

        Row choose(@Nullable Long movie) {
            return new Row(
                    row,
                    kind,
                    movie == null ? Status.SKIPPED : Status.MATCHED,
                    where,
                    title,
                    year,
                    movie,
                    candidates,
                    watchedOn,
                    score,
                    review,
                    rewatch,
                    tags,
                    problem,
                    list);
        }

        Row refuse(String why) {
            return new Row(
                    row,
                    kind,
                    Status.INVALID,
                    where,
                    title,
                    year,
                    movieId,
                    candidates,
                    watchedOn,
                    score,
                    review,
                    rewatch,
                    tags,
                    why,
                    list);
        }
    }

    record Rows(List<Row> rows) {}

    /** A rating as it was before the import: null score for "there was none". */
    record PreviousRating(
            @Nullable BigDecimal score, @Nullable String review, java.time.@Nullable Instant ratedAt) {}

    /**
     * @param listsAdded the lists the import made (null in imports applied before lists were)
     */
    record Undo(
            Map<Long, PreviousRating> ratings,
            List<Long> watchlistAdded,
            @Nullable List<Long> listsAdded) {}
}
