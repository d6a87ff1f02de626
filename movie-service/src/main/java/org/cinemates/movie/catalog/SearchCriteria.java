package org.cinemates.movie.catalog;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a search asks for, already normalised.
 *
 * @param query the normalised query ({@link SearchText}), empty for none
 * @param genreMask the bit of the genre asked for, or null for any genre
 * @param tagKey the normalised tag asked for, or null for any
 */
record SearchCriteria(
        String query,
        @Nullable Long genreMask,
        @Nullable Integer yearFrom,
        @Nullable Integer yearTo,
        @Nullable String tagKey,
        Sort sort,
        int page,
        int size) {

    List<String> words() {
        return SearchText.words(query);
    }

    boolean hasQuery() {
        return !query.isEmpty();
    }

    long offset() {
        return (long) page * size;
    }
}
