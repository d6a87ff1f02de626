package org.cinemates.movie.catalog;

/** A genre and how many movies of the catalogue have it. */
record GenreCount(String name, long count) {}
