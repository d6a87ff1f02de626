package org.cinemates.movie.catalog;

/**
 * A movie with the entity tag of its JSON form.
 *
 * @param etag a weak entity tag, {@code W/"..."}, that changes whenever anything shown changes
 */
record CachedMovie(Movie movie, String etag) {}
