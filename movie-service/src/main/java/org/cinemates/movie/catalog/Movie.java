package org.cinemates.movie.catalog;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A movie as clients see it.
 *
 * @param id the MovieLens movieId for imported movies; 10,000,000 and up for movies added here
 * @param title the title without the year MovieLens appends in parentheses
 * @param year the release year, when known
 * @param genres genre names, in the order the catalogue lists them
 * @param imdbId IMDb's number as MovieLens writes it, e.g. {@code 0114709}
 * @param imdbTitleId the same as IMDb writes it in its URLs, e.g. {@code tt0114709}
 * @param tmdbId The Movie Database's id
 * @param popularity how many ratings the movie has in the imported MovieLens data
 * @param tags the tags members applied most often, most often first (at most ten)
 */
public record Movie(
        long id,
        String title,
        @Nullable Integer year,
        List<String> genres,
        @Nullable String imdbId,
        @Nullable String imdbTitleId,
        @Nullable Long tmdbId,
        int popularity,
        List<String> tags) {}
