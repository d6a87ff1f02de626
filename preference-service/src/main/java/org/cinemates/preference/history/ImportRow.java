package org.cinemates.preference.history;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One thing a file says the member did, before it is matched to a movie.
 *
 * @param where the file and line it came from, for messages
 * @param problem why the row cannot be imported, or null
 */
record ImportRow(
        Kind kind,
        String where,
        @Nullable String title,
        @Nullable Integer year,
        @Nullable String imdbId,
        @Nullable Long tmdbId,
        @Nullable Long movieId,
        @Nullable LocalDate watchedOn,
        @Nullable BigDecimal score,
        @Nullable String review,
        boolean rewatch,
        List<String> tags,
        boolean liked,
        @Nullable String problem) {

    enum Kind {
        VIEWING,
        RATING,
        WATCHLIST,
        LIKE,
        LIST_ITEM
    }

    ImportRow withReview(@Nullable String text) {
        return new ImportRow(
                kind, where, title, year, imdbId, tmdbId, movieId, watchedOn, score, text, rewatch, tags, liked,
                problem);
    }

    ImportRow withProblem(String why) {
        return new ImportRow(
                kind, where, title, year, imdbId, tmdbId, movieId, watchedOn, score, review, rewatch, tags, liked, why);
    }
}
