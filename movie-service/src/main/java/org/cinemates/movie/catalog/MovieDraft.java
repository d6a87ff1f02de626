package org.cinemates.movie.catalog;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A movie as an admin writes it (POST creates one, PUT replaces one). Popularity and tags come
 * from the imported data and are kept.
 *
 * @param title 1 to 500 characters of visible text
 * @param year 1870 up to ten years from now; absent when unknown
 * @param genres up to ten genre names; known genres are matched without regard to case, others
 *     are added to the catalogue's genres (1 to 50 characters, no '|')
 * @param imdbId IMDb's number with or without its {@code tt} prefix
 * @param tmdbId The Movie Database's id
 */
record MovieDraft(
        @NotNull
        @Size(min = 1, max = 500)
        @Pattern(regexp = VISIBLE_TEXT, message = "must be visible text without control characters")
        String title,

        @Nullable Integer year,

        @Nullable @Size(max = 10)
        List<
                        @NotNull @Size(min = 1, max = Genres.MAX_NAME_LENGTH)
                        @Pattern(regexp = GENRE_NAME, message = "must be visible text without '|'") String>
                genres,

        @Nullable @Pattern(regexp = "(tt)?[0-9]{1,10}", message = "must be IMDb's number, e.g. tt0114709 or 0114709")
        String imdbId,

        @Nullable @Positive Long tmdbId) {

    static final String VISIBLE_TEXT = "[^\\p{Cntrl}]*[^\\p{Cntrl}\\s][^\\p{Cntrl}]*";
    static final String GENRE_NAME = "[^\\p{Cntrl}|]*[^\\p{Cntrl}|\\s][^\\p{Cntrl}|]*";

    List<String> genreNames() {
        return genres != null ? genres : List.of();
    }

    /** IMDb's number without the prefix, as MovieLens writes it. */
    @Nullable
    String imdbNumber() {
        return imdbId == null || !imdbId.startsWith("tt") ? imdbId : imdbId.substring(2);
    }
}
