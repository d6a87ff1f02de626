package org.cinemates.movie.catalog;

import java.util.Set;

/**
 * Published after a change to the catalogue has been committed, so that caches forget what they
 * hold.
 *
 * @param movieIds the movies that changed; empty when many may have (an import)
 */
public record CatalogueChanged(Set<Long> movieIds) {

    public static CatalogueChanged everything() {
        return new CatalogueChanged(Set.of());
    }

    public boolean everythingMayHaveChanged() {
        return movieIds.isEmpty();
    }
}
