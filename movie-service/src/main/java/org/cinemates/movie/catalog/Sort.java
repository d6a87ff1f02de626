package org.cinemates.movie.catalog;

import java.util.Arrays;
import java.util.Optional;

/** The orders a search can be sorted in, as clients write them. */
enum Sort {
    /** Best title match first, then the most popular; without a query the same as POPULARITY. */
    RELEVANCE("relevance"),
    /** By title, ignoring case, accents and punctuation. */
    TITLE("title"),
    /** Oldest first; movies without a year last. */
    YEAR("year"),
    /** Newest first; movies without a year last. */
    NEWEST("-year"),
    /** Most rated first. */
    POPULARITY("popularity");

    private final String value;

    Sort(String value) {
        this.value = value;
    }

    static Optional<Sort> of(String value) {
        return Arrays.stream(values()).filter(sort -> sort.value.equals(value)).findFirst();
    }

    /** The wire form, which is also what a 400 lists as allowed values. */
    @Override
    public String toString() {
        return value;
    }
}
