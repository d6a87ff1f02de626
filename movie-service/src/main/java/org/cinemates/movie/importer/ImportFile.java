package org.cinemates.movie.importer;

import java.util.List;

/** The MovieLens files the import reads, in the order it reads them. */
enum ImportFile {
    MOVIES("movies.csv", List.of("movieId", "title", "genres")),
    LINKS("links.csv", List.of("movieId", "imdbId", "tmdbId")),
    TAGS("tags.csv", List.of("userId", "movieId", "tag", "timestamp")),
    RATINGS("ratings.csv", List.of("userId", "movieId", "rating", "timestamp"));

    private final String fileName;
    private final List<String> columns;

    ImportFile(String fileName, List<String> columns) {
        this.fileName = fileName;
        this.columns = columns;
    }

    String fileName() {
        return fileName;
    }

    List<String> columns() {
        return columns;
    }

    String header() {
        return String.join(",", columns);
    }

    boolean required() {
        return this == MOVIES;
    }
}
