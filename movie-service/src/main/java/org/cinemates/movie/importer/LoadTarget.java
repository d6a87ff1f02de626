package org.cinemates.movie.importer;

import java.util.List;

/**
 * Where an import writes rows: staging tables, which it merges into the catalogue and empties, or,
 * for the first load into an empty catalogue, the catalogue itself.
 */
enum LoadTarget {
    MOVIES("movie_import_rows", List.of("id", "title", "release_year", "genres", "genre_bits", "search_title")),
    LINKS("link_import_rows", List.of("movie_id", "imdb_id", "tmdb_id")),
    TAGS("tag_import_rows", List.of("movie_id", "tag_key", "tag")),
    TAG_COUNTS("tag_count_rows", List.of("movie_id", "tag_key", "tag", "applications")),
    POPULARITY("popularity_import_rows", List.of("movie_id", "ratings")),
    /** Not a staging table: the catalogue, written directly only while it is empty (PostgreSQL). */
    CATALOGUE("movies", List.of("id", "title", "release_year", "genres", "genre_bits", "search_title", "updated_at"));

    private final String table;
    private final List<String> columns;

    LoadTarget(String table, List<String> columns) {
        this.table = table;
        this.columns = columns;
    }

    String table() {
        return table;
    }

    List<String> columns() {
        return columns;
    }

    /** Emptied before and after every import. */
    boolean staging() {
        return this != CATALOGUE;
    }
}
