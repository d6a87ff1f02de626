package org.cinemates.movie.catalog;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.cinemates.platform.text.VisibleText;
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
        @NotNull @VisibleText(max = 500) String title,

        @Nullable Integer year,

        @Nullable @Size(max = 10)
        List<
                        @NotNull
                        @VisibleText(
                                max = Genres.MAX_NAME_LENGTH,
                                refused = "|",
                                message = "must be visible text without '|'")
                        String>
                genres,

        @Nullable
        @Size(max = 12)
        @Pattern(regexp = "(tt)?[0-9]{1,10}", message = "must be IMDb's number, e.g. tt0114709 or 0114709")
        String imdbId,

        @Nullable @Positive Long tmdbId) {

    List<String> genreNames() {
        return genres != null ? genres : List.of();
    }

    /** IMDb's number without the prefix, as MovieLens writes it. */
    @Nullable
    String imdbNumber() {
        return imdbId == null || !imdbId.startsWith("tt") ? imdbId : imdbId.substring(2);
    }
}
