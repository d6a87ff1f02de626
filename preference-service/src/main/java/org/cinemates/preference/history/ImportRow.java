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
 * @param list for a movie on a list: the list and the movie's place and note on it
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
        @Nullable String problem,
        @Nullable ListPart list) {

    /**
     * A movie's place on a list a file holds.
     *
     * @param name the list's name, which also tells it from the file's other lists
     * @param description the list's description, null when none
     * @param ranked whether the list's order is a ranking
     * @param position the movie's place, from 1
     * @param note the member's words on the movie, null when none
     * @param visibility PUBLIC, FRIENDS or PRIVATE when the file says (this service's own export
     *     does), else null
     */
    record ListPart(
            String name,
            @Nullable String description,
            boolean ranked,
            int position,
            @Nullable String note,
            @Nullable String visibility) {}

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
                problem, list);
    }

    ImportRow withProblem(String why) {
        return new ImportRow(
                kind, where, title, year, imdbId, tmdbId, movieId, watchedOn, score, review, rewatch, tags, liked, why,
                list);
    }
}
